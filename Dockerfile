# media-worker, CPU image. Build with scripts/build-images (buildah, no Docker engine needed), or
#   mvn -B package -DskipTests && docker build -t media-worker:cpu .
# Debian's ffmpeg brings ffprobe (the precise prober) and libx264/libx265.

# The jar bundles jave2's ffmpeg for amd64 and arm64 (48 MB of its 58 MB), the fallback for hosts
# without one; the image has Debian's ffmpeg on PATH, which the worker prefers, so they go.
FROM debian:bookworm-slim AS jar
RUN apt-get update \
 && apt-get install -y --no-install-recommends zip \
 && rm -rf /var/lib/apt/lists/*
COPY target/media-worker.jar /media-worker.jar
RUN zip -q -d /media-worker.jar 'ws/schild/jave/nativebin/*' 'META-INF/maven/ws.schild/jave-nativebin-*'

FROM debian:bookworm-slim
# The -slim base has no /usr/share/man/man1, where the JRE's postinst registers java's man page
# with update-alternatives: without the folder the install fails (https://bugs.debian.org/863199).
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless ffmpeg tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*

# A UTF-8 locale so non-ASCII file names reach the JVM intact (C.UTF-8 is built into glibc).
ENV LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    CONTENT_ROOT=/content \
    LOG_FORMAT=json

RUN useradd --uid 10001 --user-group --no-create-home --home-dir /nonexistent media \
 && mkdir -p /opt/media-worker /content && chown media:media /content
COPY --from=jar /media-worker.jar /opt/media-worker/media-worker.jar

# AppCDS: a training run (doctor: CLI, probe, a 2 s encode, QC) records the classes it loads;
# every later JVM maps them instead of loading them from the jar (see README, Containers).
# The flags must match the ENTRYPOINT's.
RUN java -XX:ArchiveClassesAtExit=/opt/media-worker/app.jsa -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -jar /opt/media-worker/media-worker.jar --log-format text doctor > /dev/null \
 && chmod 644 /opt/media-worker/app.jsa

USER 10001:10001
WORKDIR /content
# tini forwards SIGTERM (Batch termination, Spot reclaim) to the JVM and reaps ffmpeg. -s: where
# it is not PID 1 (jobdefs' initProcessEnabled puts docker-init there; buildah run) it registers as
# subreaper instead of warning on every start. JVM warnings go to stderr: stdout carries only
# results (an asset id).
ENTRYPOINT ["/usr/bin/tini", "-s", "--", "java", "-XX:SharedArchiveFile=/opt/media-worker/app.jsa", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", "/opt/media-worker/media-worker.jar"]
CMD ["--help"]
