package io.mediaworker.jobdefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** infra/efs.yaml: the file system as the job definitions and the images expect it. */
class EfsTemplateTest {
    private static final Path TEMPLATE = Path.of("infra/efs.yaml");

    private static JsonNode resources() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile()).path("Resources");
    }

    private static JsonNode ofType(String type) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        resources().elements().forEachRemaining(r -> { if (r.path("Type").asText().equals(type)) found.add(r.path("Properties")); });
        assertEquals(1, found.size(), type);
        return found.get(0);
    }

    @Test
    void maxIoProvisionedThroughputAndInfrequentAccessAfter30Days() throws IOException {
        JsonNode fs = ofType("AWS::EFS::FileSystem");
        assertEquals("maxIO", fs.path("PerformanceMode").asText());
        assertEquals("provisioned", fs.path("ThroughputMode").asText());
        assertTrue(fs.has("ProvisionedThroughputInMibps"));
        assertTrue(fs.path("Encrypted").asBoolean());
        List<String> lifecycle = new ArrayList<>();
        fs.path("LifecyclePolicies").forEach(p -> p.fields().forEachRemaining(e -> lifecycle.add(e.getKey() + "=" + e.getValue().asText())));
        assertTrue(lifecycle.contains("TransitionToIA=AFTER_30_DAYS"), lifecycle.toString());
    }

    @Test
    void onlyTlsAndTheImagesUserThroughTheAccessPoint() throws IOException {
        JsonNode policy = ofType("AWS::EFS::FileSystem").path("FileSystemPolicy").path("Statement");
        boolean denyPlainText = false;
        for (JsonNode s : policy) {
            denyPlainText |= s.path("Effect").asText().equals("Deny") && s.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false");
        }
        assertTrue(denyPlainText, "the job definitions' transitEncryption ENABLED is enforced by the file system");

        JsonNode ap = ofType("AWS::EFS::AccessPoint");
        String uid = dockerfileUser();
        assertEquals(uid, ap.path("PosixUser").path("Uid").asText());
        assertEquals(uid, ap.path("RootDirectory").path("CreationInfo").path("OwnerUid").asText());
    }

    @Test
    void nfsOnlyFromTheBatchInstancesAndAMountTargetPerZone() throws IOException {
        JsonNode sg = ofType("AWS::EC2::SecurityGroup");
        JsonNode ingress = sg.path("SecurityGroupIngress");
        assertEquals(1, ingress.size());
        assertEquals(2049, ingress.get(0).path("FromPort").asInt());
        assertEquals(2049, ingress.get(0).path("ToPort").asInt());
        assertTrue(ingress.get(0).has("SourceSecurityGroupId") && !ingress.get(0).has("CidrIp"));
        int mountTargets = 0;
        for (JsonNode r : (Iterable<JsonNode>) resources()::elements) if (r.path("Type").asText().equals("AWS::EFS::MountTarget")) mountTargets++;
        assertEquals(2, mountTargets);
    }

    /** cfn-lint checks the template against CloudFormation's own resource specification; skipped where it is not installed. */
    @Test
    void cfnLintAcceptsIt() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            probe = null;
        }
        Assumptions.assumeTrue(probe != null && probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "no cfn-lint on PATH (pip install cfn-lint)");
        Process lint = new ProcessBuilder("cfn-lint", TEMPLATE.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes());
        assertTrue(lint.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, lint.exitValue(), output);
    }

    private static String dockerfileUser() throws IOException {
        Matcher m = Pattern.compile("(?m)^USER (\\d+):").matcher(Files.readString(Path.of("Dockerfile")));
        assertTrue(m.find(), "Dockerfile has USER uid:gid");
        return m.group(1);
    }
}
