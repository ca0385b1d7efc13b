# media-worker, CPU image. Build the jar first: mvn -B package -DskipTests
# Debian's ffmpeg brings ffprobe (the precise prober) and libx264/libx265.
FROM debian:bookworm-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless ffmpeg tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# A UTF-8 locale so non-ASCII file names reach the JVM intact (C.UTF-8 is built into glibc).
ENV LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    CONTENT_ROOT=/content \
    LOG_FORMAT=json

RUN useradd --uid 10001 --user-group --no-create-home --home-dir /nonexistent media \
 && mkdir -p /opt/media-worker /content && chown media:media /content
COPY target/media-worker.jar /opt/media-worker/media-worker.jar

USER 10001:10001
WORKDIR /content
# tini is PID 1: it forwards SIGTERM (Batch termination, Spot reclaim) to the JVM and reaps ffmpeg.
ENTRYPOINT ["/usr/bin/tini", "--", "java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/opt/media-worker/media-worker.jar"]
CMD ["--help"]
