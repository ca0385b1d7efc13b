package io.mediaworker.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {".clip.mp4", "._clip.mov", ".clip.mp4.Xy12Ab", "clip.mp4.part", "clip.MP4.PART", "clip.mp4.tmp",
            "clip.mp4.crdownload", "clip.mp4.download", "clip.mp4.filepart", "clip.mp4~", "clip.mp4.partial", "clip.mp4.!ut",
            "~$clip.mov", "clip.mov.swp", "clip.mov.inprogress", "Thumbs.db", "desktop.ini", ""})
    void uploadersTemporaryNamesAreIgnored(String name) {
        assertTrue(UploadNames.isTemporary(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clip.mp4", "Clip Final (2).MOV", "part.mp4", "tmp.mkv", "clip.participants.mxf", "é-video.webm", "-dash.mp4"})
    void finishedNamesAreTaken(String name) {
        assertFalse(UploadNames.isTemporary(name), name);
    }
}
