package io.mediaworker.aws.batch;

import io.mediaworker.model.UsageException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * How the command line and the Lambda handlers find the status table's implementation: one
 * provider registered in {@code META-INF/services/io.mediaworker.aws.batch.PipelineRegistryProvider},
 * so this package does not depend on the table's adapter.
 */
public interface PipelineRegistryProvider {
    /** The registry, configured from the environment (e.g. the table's name). */
    PipelineRegistry create(Map<String, String> env);

    static PipelineRegistry load(Map<String, String> env) {
        List<PipelineRegistryProvider> providers = ServiceLoader.load(PipelineRegistryProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (providers.size() != 1) {
            throw new UsageException(providers.isEmpty()
                    ? "no status table implementation on the class path: submitting without one could start a second pipeline for an asset in flight"
                    : providers.size() + " status table implementations on the class path; keep one");
        }
        return providers.get(0).create(env);
    }
}
