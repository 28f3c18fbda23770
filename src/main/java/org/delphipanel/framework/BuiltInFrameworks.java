package org.delphipanel.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rubrics shipped with the application (the SaferAI 2024 rubric), imported at startup through the
 * same validating importer as any file (through its internal path: no one is signed in at startup),
 * once: a restart finds them stored and writes nothing.
 * Runs before other startup runners, so demo data can rely on the rubric being there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BuiltInFrameworks implements ApplicationRunner {

    /** Code of the SaferAI rubric; its node codes are part of the CLI and export formats. */
    public static final String SAFERAI_CODE = "saferai-2024";
    static final String SAFERAI_RESOURCE = "frameworks/saferai-2024.json";

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInFrameworks.class);

    private final FrameworkService frameworks;

    BuiltInFrameworks(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @Override
    public void run(ApplicationArguments args) {
        saferAi();
    }

    /**
     * The built-in SaferAI rubric as stored, importing it first if it is not stored yet. If a version
     * with the same code and number is stored with other content, that stored version is kept and
     * returned (stored versions never change).
     */
    public Framework saferAi() {
        String source = saferAiSource();
        FrameworkDefinition definition = RubricParser.parse(source, "saferai-2024.json");
        return frameworks.find(definition.code(), definition.version()).orElseGet(() -> {
            Framework imported = frameworks.importBuiltIn(source, "saferai-2024.json").framework();
            LOG.info("Imported the built-in rubric {}", imported.label());
            return imported;
        });
    }

    /** The text of the built-in SaferAI rubric file. */
    public static String saferAiSource() {
        try (InputStream in = BuiltInFrameworks.class.getClassLoader().getResourceAsStream(SAFERAI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in rubric " + SAFERAI_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
