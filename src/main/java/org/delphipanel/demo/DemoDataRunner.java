package org.delphipanel.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the demo at start-up, after the built-in rubrics are stored, when {@code delphi.demo.enabled} is true. */
@Component
@ConditionalOnBooleanProperty("delphi.demo.enabled")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoDataRunner implements ApplicationRunner {

    private final DemoSeeder seeder;

    DemoDataRunner(DemoSeeder seeder) {
        this.seeder = seeder;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeder.seedIfEmpty();
    }
}
