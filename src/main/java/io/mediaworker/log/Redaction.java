package io.mediaworker.log;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes credentials out of text bound for logs, manifests and reason files: the user:password of a
 * URL, the signature, credential and token parameters of a presigned URL, and AWS key settings
 * written as NAME=value. Pure. What is left still says where a thing came from.
 */
public final class Redaction {
    static final String MASK = "***";
    private static final List<Pattern> SECRETS = List.of(
            // scheme://user:password@host -> scheme://***@host (a user name alone is kept: it is no secret)
            Pattern.compile("(?<keep>\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s@:]*:[^/\\s@]*(?=@)"),
            // presigned S3/CloudFront URLs and common token parameters
            Pattern.compile("(?i)(?<keep>[?&](?:x-amz-signature|x-amz-credential|x-amz-security-token|signature|sig|token"
                    + "|access_token|password|passwd|pwd|secret|api_key|apikey|key-pair-id|policy)=)[^&\\s\"']+"),
            Pattern.compile("(?i)(?<keep>\\b(?:aws_secret_access_key|aws_session_token|aws_security_token)\\s*[=:]\\s*)[^\\s\"',;]+"));

    private Redaction() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String result = text;
        for (Pattern p : SECRETS) {
            Matcher m = p.matcher(result);
            StringBuilder out = new StringBuilder();
            while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(m.group("keep") + MASK));
            m.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
