package io.mediaworker.jobdefs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job definition's {@code retryStrategy} evaluated the way AWS Batch documents it: the rules of
 * {@code evaluateOnExit} are tried in order, the first whose every given pattern matches decides,
 * and when none matches a failed attempt is retried while attempts remain. Patterns are globs that
 * may end in {@code *}; an attempt without an exit code (the container never ran) matches no
 * {@code onExitCode}.
 */
record BatchRetryRules(int attempts, List<Rule> rules) {
    /** Batch accepts at most this many entries in evaluateOnExit. */
    static final int MAX_RULES = 5;
    private static final Pattern EXIT_CODE_GLOB = Pattern.compile("[0-9]*\\*?");
    private static final Pattern REASON_GLOB = Pattern.compile("[A-Za-z0-9 .:]*\\*?");

    enum Action { RETRY, EXIT }

    record Rule(Optional<String> onExitCode, Optional<String> onStatusReason, Optional<String> onReason, Action action) {}

    /** What one failed attempt looked like to Batch. */
    record Attempt(Optional<Integer> exitCode, String statusReason, String reason) {
        static Attempt exited(int code) { return new Attempt(Optional.of(code), "Essential container in task exited", ""); }
    }

    static BatchRetryRules of(JsonNode retryStrategy) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : retryStrategy.path("evaluateOnExit")) {
            rules.add(new Rule(text(r, "onExitCode"), text(r, "onStatusReason"), text(r, "onReason"),
                    Action.valueOf(r.path("action").asText().toUpperCase())));
        }
        return new BatchRetryRules(retryStrategy.path("attempts").asInt(1), rules);
    }

    /** The problems Batch would reject the strategy for; empty when it is acceptable. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES) problems.add(rules.size() + " evaluateOnExit entries (Batch allows " + MAX_RULES + ")");
        if (attempts < 1 || attempts > 10) problems.add("attempts " + attempts + " is outside 1-10");
        for (Rule r : rules) {
            if (r.onExitCode().isEmpty() && r.onStatusReason().isEmpty() && r.onReason().isEmpty()) problems.add("a rule without any pattern");
            r.onExitCode().filter(p -> !EXIT_CODE_GLOB.matcher(p).matches()).ifPresent(p -> problems.add("onExitCode '" + p + "' is not digits ending in an optional *"));
            r.onStatusReason().filter(p -> !REASON_GLOB.matcher(p).matches()).ifPresent(p -> problems.add("onStatusReason '" + p + "' has characters Batch refuses"));
            r.onReason().filter(p -> !REASON_GLOB.matcher(p).matches()).ifPresent(p -> problems.add("onReason '" + p + "' has characters Batch refuses"));
        }
        return problems;
    }

    /** The action for a failed attempt with attempts still left. */
    Action actionFor(Attempt attempt) {
        for (Rule r : rules) {
            boolean exitMatches = r.onExitCode().map(p -> attempt.exitCode().map(c -> glob(p, Integer.toString(c))).orElse(false)).orElse(true);
            if (exitMatches && r.onStatusReason().map(p -> glob(p, attempt.statusReason())).orElse(true)
                    && r.onReason().map(p -> glob(p, attempt.reason())).orElse(true)) {
                return r.action();
            }
        }
        return Action.RETRY;
    }

    private static boolean glob(String pattern, String value) {
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1)) : value.equals(pattern);
    }

    private static Optional<String> text(JsonNode rule, String field) {
        return rule.has(field) ? Optional.of(rule.get(field).asText()) : Optional.empty();
    }
}
