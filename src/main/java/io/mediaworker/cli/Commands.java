package io.mediaworker.cli;

import io.mediaworker.stage.StageContext;

/** What the subcommands share: the stage context built from the root's global options. */
final class Commands {
    private Commands() {}

    static StageContext context(RootCommand root) {
        return root.contexts().create(root.contentRoot, root.ffmpeg, root.stallTimeout());
    }
}
