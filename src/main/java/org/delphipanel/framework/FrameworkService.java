package org.delphipanel.framework;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports, lists and loads rubric versions. A stored version is never changed: a changed rubric is
 * imported as a new version beside the old ones, which studies that use them keep.
 */
@Service
public class FrameworkService {

    private final FrameworkRepository repository;
    private final Clock clock;

    FrameworkService(FrameworkRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Validates a rubric file and stores it as a new version, all or nothing in one transaction.
     * Importing a file whose code and version are stored already with the same content (the same
     * tree, texts, weights, scales and bands; formatting may differ) stores nothing and returns the
     * stored version with {@code created == false}; with different content it is refused.
     *
     * @param fileName names the file in messages; {@code .yaml}/{@code .yml} reads YAML, anything else JSON
     * @throws RubricException when the file is invalid or its version is stored with other content
     */
    @Transactional
    public ImportResult importRubric(String source, String fileName) {
        FrameworkDefinition definition = RubricParser.parse(source, fileName);
        Optional<Framework> stored = find(definition.code(), definition.version());
        if (stored.isPresent()) {
            if (stored.get().definition().equals(definition)) {
                return new ImportResult(stored.get(), false);
            }
            throw conflict(definition, fileName);
        }
        long id;
        try {
            id = repository.insert(definition, source, FrameworkRepository.utc(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw conflict(definition, fileName);
        }
        return new ImportResult(repository.findById(id).orElseThrow(), true);
    }

    private RubricException conflict(FrameworkDefinition definition, String fileName) {
        int latest = latest(definition.code()).map(Framework::version).orElse(definition.version());
        return new RubricException(List.of(new RubricProblem(fileName, "rubric",
                definition.code() + " version " + definition.version() + " is already stored with different"
                        + " content, and a stored version never changes; give the file a new version"
                        + " (the latest stored is " + latest + ", so " + (latest + 1) + ")")));
    }

    /** Every stored rubric version, by code, newest version first. */
    @Transactional(readOnly = true)
    public List<FrameworkSummary> list() {
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<Framework> find(long frameworkId) {
        return repository.findById(frameworkId);
    }

    @Transactional(readOnly = true)
    public Optional<Framework> find(String code, int version) {
        return repository.findId(code, version).flatMap(repository::findById);
    }

    /** The highest stored version of a rubric. */
    @Transactional(readOnly = true)
    public Optional<Framework> latest(String code) {
        return repository.findLatestId(code).flatMap(repository::findById);
    }

    /** The file text a version was imported from, exactly as it was given. */
    @Transactional(readOnly = true)
    public Optional<String> source(long frameworkId) {
        return repository.findSource(frameworkId);
    }
}
