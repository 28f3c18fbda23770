package org.delphipanel.framework;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.security.UserService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports, lists and loads rubric versions. A stored version is never changed: a changed rubric is
 * imported as a new version beside the old ones, which studies that use them keep (a study holds the
 * id of one version). Only facilitators and administrators import; reading is open to every caller,
 * since every signed-in person may read the rubrics.
 */
@Service
public class FrameworkService {

    /** The largest rubric file taken, also the upload limit of the rubrics page. */
    public static final int MAX_FILE_BYTES = RubricParser.MAX_FILE_BYTES;

    private static final int MAX_FILE_NAME = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FrameworkRepository repository;
    private final UserService users;
    private final AuditLog auditLog;
    private final Clock clock;

    FrameworkService(FrameworkRepository repository, UserService users, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Whether the signed-in person may import rubrics: an enabled facilitator or administrator. */
    public boolean mayImport() {
        return users.currentUser().filter(FrameworkService::importer).isPresent();
    }

    /**
     * Validates a rubric file (strict UTF-8, at most {@link #MAX_FILE_BYTES} bytes, named {@code .json},
     * {@code .yaml} or {@code .yml}) and stores it as a new version, all or nothing in one transaction,
     * for the signed-in facilitator or administrator; a stored import is audit-logged. Importing a file
     * whose code and version are stored already with the same content (the same tree, texts, weights,
     * scales and bands; formatting may differ) stores nothing and returns the stored version with
     * {@code created == false}; with different content it is refused.
     *
     * @param fileName the name the file was uploaded under; names the file in messages and chooses YAML or JSON
     * @throws AccessDeniedException unless the signed-in person is an enabled facilitator or administrator
     * @throws RubricException listing every problem when the file is invalid or its version is stored
     *     with other content
     */
    @Transactional
    public ImportResult importRubric(byte[] file, String fileName) {
        AppUser actor = users.requireCurrentUser("import a rubric");
        if (!importer(actor)) {
            throw new AccessDeniedException("Only facilitators and administrators can import rubrics.");
        }
        String name = fileName(fileName);
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".json") && !RubricParser.isYaml(lower)) {
            throw new RubricException(List.of(new RubricProblem(name, "file",
                    "a rubric file is JSON (.json) or YAML (.yaml or .yml); rename the file to say which")));
        }
        String source = RubricParser.decode(file, name);
        return store(source, name, actor.email());
    }

    /**
     * The import path of the rubrics shipped with the application, run at startup without a signed-in
     * person (the audit log names the application as the actor). Not reachable from views or the API.
     */
    @Transactional
    ImportResult importBuiltIn(String source, String fileName) {
        return store(source, fileName, AuditLog.SYSTEM_ACTOR);
    }

    private ImportResult store(String source, String fileName, String actor) {
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
        Map<String, Object> imported = new LinkedHashMap<>();
        imported.put("code", definition.code());
        imported.put("version", definition.version());
        imported.put("name", definition.name());
        imported.put("fileName", fileName);
        auditLog.record(actor, "framework.imported", "framework", String.valueOf(id), null,
                JSON.writeValueAsString(imported));
        return new ImportResult(repository.findById(id).orElseThrow(), true);
    }

    private static boolean importer(AppUser user) {
        return user.enabled() && (user.is(Role.FACILITATOR) || user.is(Role.ADMIN));
    }

    /**
     * The uploaded name as messages and the audit log show it: without a client's folder, control
     * characters or excess length (the browser sends whatever the user's file system holds).
     */
    static String fileName(String uploaded) {
        String name = uploaded.substring(Math.max(uploaded.lastIndexOf('/'), uploaded.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "rubric";
        }
        return name.length() <= MAX_FILE_NAME ? name : name.substring(name.length() - MAX_FILE_NAME);
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
