package io.mediaworker.stage;

import io.mediaworker.testing.FifoTrap;
import io.mediaworker.testing.LoopbackHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.provider.Arguments;

/** The row types of {@link HostileCorpusIT}'s table: a source, what it must come to, and the options of its run. */
final class CorpusRow {
    private CorpusRow() {}


    /** What a row must come to. */
    sealed interface Outcome permits Transcoded, Refused, Fault {
        String label();
    }

    /** Exit 0 from both stages and one rendition of this size with this audio. */
    record Transcoded(int width, int height, Audio audio) implements Outcome {
        public String label() { return "transcoded"; }
    }

    /** Refused by {@code stage} with {@code exitCode}; {@code recorded}: a {@code failed/<id>/reason.json} is written. */
    record Refused(String stage, int exitCode, String keyword, boolean recorded) implements Outcome {
        public String label() { return "exit " + exitCode; }
    }

    /** Exit 4: the tool or host failed, the asset is not quarantined. */
    record Fault(String keyword) implements Outcome {
        public String label() { return "exit 4"; }
    }

    record Audio(boolean present, OptionalInt streamIndex, OptionalInt hz) {}

    static final Audio NO_AUDIO = new Audio(false, OptionalInt.empty(), OptionalInt.empty());
    static final Audio STEREO = new Audio(true, OptionalInt.empty(), OptionalInt.empty());

    static Audio stereo(int streamIndex, int hz) {
        return new Audio(true, OptionalInt.of(streamIndex), OptionalInt.of(hz));
    }

    record Options(List<String> transcodeArgs, Map<String, String> env, BiConsumer<Ctx, String> beforeTranscode,
                   Optional<Function<Ctx, Path>> ffmpeg, Consumer<Ctx> extra) {
        static final Options NONE = new Options(List.of(), Map.of(), (c, id) -> { }, Optional.empty(), c -> { });

        Options beforeTranscode(BiConsumer<Ctx, String> b) { return new Options(transcodeArgs, env, b, ffmpeg, extra); }
        Options ffmpeg(Function<Ctx, Path> f) { return new Options(transcodeArgs, env, beforeTranscode, Optional.of(f), extra); }
        Options extra(Consumer<Ctx> e) { return new Options(transcodeArgs, env, beforeTranscode, ffmpeg, e); }
    }

    record Case(String name, String exercises, Function<Ctx, Path> source, Outcome expected, Options options, Consumer<Output> check) {
        Case(String name, String exercises, Function<Ctx, Path> source, Outcome expected, Options options) {
            this(name, exercises, source, expected, options, o -> { });
        }

        Arguments row() { return Arguments.of(name, this); }

        @Override public String toString() { return name; }
    }

    /** A rendition and what it was made from. */
    record Output(Ctx ctx, Path file, Case c) {
        Path source() { return c.source().apply(ctx); }
        int width() { return ((Transcoded) c.expected()).width(); }
        int height() { return ((Transcoded) c.expected()).height(); }
    }

    /** A row under construction: {@code args} and {@code env} add options to the transcode. */
    static final class Row {
        final Case c;
        Row(Case c) { this.c = c; }
        Arguments args(String... transcodeArgs) {
            Options o = c.options();
            return new Case(c.name(), c.exercises(), c.source(), c.expected(),
                    new Options(List.of(transcodeArgs), o.env(), o.beforeTranscode(), o.ffmpeg(), o.extra()), c.check()).row();
        }
        Arguments env(String name, String value) {
            Options o = c.options();
            return new Case(c.name(), c.exercises(), c.source(), c.expected(),
                    new Options(o.transcodeArgs(), Map.of(name, value), o.beforeTranscode(), o.ffmpeg(), o.extra()), c.check()).row();
        }
    }

    /** Rows are Arguments; a Row converts when more options follow. */
    static final Consumer<Output> NO_CHECK = o -> { };

    static Arguments ok(String name, String exercises, Function<Ctx, Path> source, int w, int h, Audio audio) {
        return okRow(name, exercises, source, w, h, audio, NO_CHECK).c.row();
    }

    static Arguments ok(String name, String exercises, Function<Ctx, Path> source, int w, int h, Audio audio, Consumer<Output> check) {
        return okRow(name, exercises, source, w, h, audio, check).c.row();
    }

    static Row okRow(String name, String exercises, Function<Ctx, Path> source, int w, int h, Audio audio, Consumer<Output> check) {
        return new Row(new Case(name, exercises, source, new Transcoded(w, h, audio), Options.NONE, check));
    }

    static Arguments bad(String name, String exercises, Function<Ctx, Path> source, String stage, String keyword) {
        return new Case(name, exercises, source, new Refused(stage, 3, keyword, true), Options.NONE).row();
    }

    static Arguments bad(String name, String exercises, Function<Ctx, Path> source, String stage, String keyword, Consumer<Ctx> extra) {
        return new Case(name, exercises, source, new Refused(stage, 3, keyword, true), Options.NONE.extra(extra)).row();
    }

    /** One row's folders and baits. */
    static final class Ctx {
        private final Path work, root;
        Baits baits;

        Ctx(Path work, Path root) {
            this.work = work;
            this.root = root;
        }

        Path work() { return work; }
        Path root() { return root; }

        Path write(String name, String text) {
            try {
                return Files.writeString(work.resolve(name), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The named pipe a playlist may point at (the HTTP server is shared by all rows). */
    static final class Baits implements AutoCloseable {
        final FifoTrap fifo;

        Baits(Path dir, LoopbackHttpServer http) {
            http.clear();
            fifo = new FifoTrap(dir.resolve("secret.ts"));
        }

        @Override public void close() { fifo.close(); }
    }
}
