package org.delphipanel.study;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the application's {@code @Scheduled} jobs (round deadlines are the first). On by default;
 * {@code delphi.scheduling.enabled=false} switches them off, e.g. for a test that calls a job itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty(name = "delphi.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {
}
