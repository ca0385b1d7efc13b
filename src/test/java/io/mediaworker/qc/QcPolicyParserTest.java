package io.mediaworker.qc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mediaworker.model.UsageException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QcPolicyParserTest {

    @Test
    void anEmptyObjectIsTheDefault() {
        assertEquals(QcPolicy.DEFAULT, QcPolicyParser.parse("{}", "p.json"));
    }

    @Test
    void aPartialPolicyChangesOnlyWhatItNames() {
        QcPolicy p = QcPolicyParser.parse("{\"loudness\": {\"target\": -16}, \"blackSeconds\": {\"fail\": 4}}", "p.json");
        assertEquals(new QcPolicy.Loudness(-16, 2.0, -38.0, -5.0), p.loudness());
        assertEquals(new QcPolicy.Threshold(0.5, 4.0), p.blackSeconds());
        assertEquals(QcPolicy.DEFAULT.freezeSeconds(), p.freezeSeconds());
        assertEquals(QcPolicy.DEFAULT.ssim(), p.ssim());
    }

    @Test
    void perRungFloorsReplaceTheLadderWideOnes() {
        QcPolicy p = QcPolicyParser.parse("{\"perRung\": {\"240p\": {\"ssim\": {\"warn\": 0.9, \"fail\": 0.8}}}}", "p.json");
        assertEquals(new QcPolicy.Floor(0.9, 0.8), p.ssimFor("240p"));
        assertEquals(QcPolicy.DEFAULT.ssim(), p.ssimFor("360p"));
        assertEquals(QcPolicy.DEFAULT.psnr(), p.psnrFor("240p"));
        assertEquals(Optional.empty(), p.perRung().get("240p").psnr());
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPath() {
        UsageException top = assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"blackSecs\": {\"fail\": 1}}", "p.json"));
        assertTrue(top.getMessage().contains("\"blackSecs\""), top.getMessage());
        UsageException nested = assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"loudness\": {\"targte\": -16}}", "p.json"));
        assertTrue(nested.getMessage().contains("\"loudness.targte\""), nested.getMessage());
        UsageException inRung = assertThrows(UsageException.class,
                () -> QcPolicyParser.parse("{\"perRung\": {\"240p\": {\"ssimm\": {\"warn\": 0.9, \"fail\": 0.8}}}}", "p.json"));
        assertTrue(inRung.getMessage().contains("p.json"), inRung.getMessage());
    }

    @Test
    void warningAndFailureLevelsMustBeInOrder() {
        UsageException above = assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"freezeSeconds\": {\"warn\": 3}}", "p.json"));
        assertTrue(above.getMessage().contains("warning level is above its failure level"), above.getMessage());
        UsageException floor = assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"ssim\": {\"fail\": 0.95}}", "p.json"));
        assertTrue(floor.getMessage().contains("warning floor is below its failure floor"), floor.getMessage());
        assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"loudness\": {\"failBelow\": -5}}", "p.json"));
        assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"edgeSeconds\": -1}", "p.json"));
        assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"durationToleranceSeconds\": 0}", "p.json"));
    }

    @Test
    void notAnObjectOrNotJsonIsRefused() {
        assertThrows(UsageException.class, () -> QcPolicyParser.parse("[1]", "p.json"));
        assertThrows(UsageException.class, () -> QcPolicyParser.parse("{\"ssim\": ", "p.json"));
    }
}
