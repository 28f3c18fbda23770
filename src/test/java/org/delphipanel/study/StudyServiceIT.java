package org.delphipanel.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.delphipanel.audit.AuditEntry;
import org.delphipanel.audit.AuditLog;
import org.delphipanel.framework.FrameworkService;
import org.delphipanel.security.AppUser;
import org.delphipanel.security.Role;
import org.delphipanel.study.StudyTestData.Fixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class StudyServiceIT {

    @Autowired
    StudyService studies;

    @Autowired
    StudyTestData data;

    @Autowired
    AuditLog auditLog;

    @Autowired
    FrameworkService frameworks;

    @Autowired
    PlatformTransactionManager transactionManager;

    private long saferAi() {
        return frameworks.latest("saferai-2024").orElseThrow().id();
    }

    @Test
    void a_study_round_trips_with_its_rules_targets_and_pseudonymous_panel() {
        var fixture = data.aDraftStudy(3, 2);
        Study stored = studies.study(fixture.study().id());
        assertThat(stored.rules()).isEqualTo(StudyRules.defaults());
        assertThat(stored.state()).isEqualTo(StudyState.DRAFT);
        assertThat(studies.targets(stored.id())).extracting(Target::name).containsExactlyElementsOf(
                fixture.targets().stream().map(Target::name).toList());
        assertThat(studies.experts(stored.id())).extracting(Panelist::pseudonym)
                .containsExactly("Expert 1", "Expert 2", "Expert 3");
    }

    @Test
    void facilitators_and_administrators_create_studies_and_become_their_first_facilitator() {
        AppUser facilitator = data.aUser(Role.FACILITATOR, "creator");
        Study study = studies.createStudy(facilitator.id().value(), saferAi(),
                new StudyDetails("  Created " + StudyTestData.uniqueTag() + " ", "About", "How mature?"));
        assertThat(study.name()).startsWith("Created ").doesNotEndWith(" ");
        assertThat(studies.panel(study.id())).singleElement()
                .satisfies(p -> assertThat(p.userId()).isEqualTo(facilitator.id().value()))
                .satisfies(p -> assertThat(p.pseudonym()).isEqualTo("Facilitator 1"));
        assertThat(studies.mayManage(facilitator.id().value(), study.id())).isTrue();

        AppUser admin = data.aUser(Role.ADMIN, "admin");
        assertThat(studies.createStudy(admin.id().value(), saferAi(), new StudyDetails("By admin "
                + StudyTestData.uniqueTag(), null, null)).state()).isEqualTo(StudyState.DRAFT);

        AppUser expert = data.aUser(Role.EXPERT, "expert");
        assertThatThrownBy(() -> studies.createStudy(expert.id().value(), saferAi(),
                new StudyDetails("Refused", null, null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only facilitators and administrators can create studies.");
    }

    @Test
    void an_expert_or_a_facilitator_of_another_study_cannot_change_a_study() {
        Fixture fixture = data.aDraftStudy(1, 1);
        Fixture other = data.aDraftStudy(1, 1);
        StudyId id = fixture.study().id();
        TargetId target = fixture.targets().get(0).id();
        for (long outsider : List.of(fixture.expert(0), other.facilitatorId())) {
            List<Consumer<Long>> changes = List.of(
                    user -> studies.updateDetails(user, id, new StudyDetails("Renamed", null, "How mature?")),
                    user -> studies.updateRules(user, id, StudyRules.defaults()),
                    user -> studies.addTarget(user, id, new TargetDetails("Intruder " + user, null, null)),
                    user -> studies.updateTarget(user, id, target, new TargetDetails("Renamed " + user, null, null)),
                    user -> studies.removeTarget(user, id, target),
                    user -> studies.addEvidence(user, id, target, new EvidenceDetails("Doc", null, null, null)),
                    user -> studies.importTargets(user, id, "name\nImported " + user + "\n"),
                    user -> studies.addPanelist(user, id, other.expert(0), PanelRole.EXPERT),
                    user -> studies.openNextRound(user, id, null),
                    user -> studies.panelMembers(user, id),
                    user -> studies.pendingInvitations(user, id));
            for (Consumer<Long> change : changes) {
                assertThatThrownBy(() -> change.accept(outsider))
                        .isInstanceOf(AccessDeniedException.class)
                        .hasMessageStartingWith("Only a facilitator of study " + fixture.study().name()
                                + " or an administrator can ");
            }
            assertThat(studies.mayManage(outsider, id)).isFalse();
        }
        assertThat(studies.study(id)).isEqualTo(fixture.study());
        assertThat(studies.targets(id)).containsExactlyElementsOf(fixture.targets());
        assertThat(studies.rounds(id)).isEmpty();

        AppUser admin = data.aUser(Role.ADMIN, "admin");
        studies.updateDetails(admin.id().value(), id, new StudyDetails("Renamed by admin " + id, null, "How mature?"));
        assertThat(studies.study(id).name()).isEqualTo("Renamed by admin " + id);
    }

    @Test
    void a_second_facilitator_may_run_the_study_and_experts_may_not_facilitate() {
        Fixture fixture = data.aDraftStudy(1, 1);
        AppUser second = data.aUser(Role.FACILITATOR, "second");
        Panelist added = studies.addFacilitator(fixture.facilitatorId(), fixture.study().id(), second.email());
        assertThat(added.pseudonym()).isEqualTo("Facilitator 2");
        assertThat(studies.openNextRound(second.id().value(), fixture.study().id(), null).number()).isEqualTo(1);

        AppUser expert = data.aUser(Role.EXPERT, "not-facilitator");
        assertThatThrownBy(() -> studies.addFacilitator(fixture.facilitatorId(), fixture.study().id(), expert.email()))
                .hasMessageContaining("only facilitators and administrators can facilitate");
    }

    @Test
    void every_panel_member_and_administrators_see_the_rules_and_nobody_else() {
        Fixture fixture = data.aDraftStudy(1, 1);
        StudyId id = fixture.study().id();
        assertThat(studies.studyForMember(fixture.expert(0), id).rules()).isEqualTo(StudyRules.defaults());
        assertThat(studies.studyForMember(fixture.facilitatorId(), id)).isEqualTo(fixture.study());
        assertThat(studies.studyForMember(data.aUser(Role.ADMIN, "admin").id().value(), id)).isEqualTo(fixture.study());
        long stranger = data.aUser(Role.EXPERT, "stranger").id().value();
        assertThatThrownBy(() -> studies.studyForMember(stranger, id))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("not on the panel");
    }

    @Test
    void the_rules_can_change_in_draft_and_are_frozen_once_round_one_opens() {
        Fixture fixture = data.aDraftStudy(1, 1);
        StudyId id = fixture.study().id();
        var stricter = new StudyRules("iqr<=0.5", StudyRules.DEFAULT_STOPPING_RULE, 2, true, 6, RationalePolicy.ALWAYS,
                true);
        assertThat(studies.updateRules(fixture.facilitatorId(), id, stricter).rules()).isEqualTo(stricter);
        assertThat(studies.study(id).rules()).isEqualTo(stricter);

        studies.openNextRound(fixture.facilitatorId(), id, null);
        assertThatThrownBy(() -> studies.updateRules(fixture.facilitatorId(), id, StudyRules.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rules of study " + fixture.study().name() + " are fixed since round 1 opened");
        assertThat(studies.study(id).rules()).isEqualTo(stricter);
        assertThatThrownBy(() -> studies.updateDetails(fixture.facilitatorId(), id,
                new StudyDetails(fixture.study().name(), null, "Another question?")))
                .hasMessageContaining("question of study");
    }

    @Test
    void a_study_cannot_open_a_round_without_targets_or_experts() {
        var noTargets = data.aDraftStudy(2, 0);
        assertThatThrownBy(() -> studies.openNextRound(noTargets.facilitatorId(), noTargets.study().id(), null))
                .hasMessageContaining("no targets");
        var noExperts = data.aDraftStudy(0, 2);
        assertThatThrownBy(() -> studies.openNextRound(noExperts.facilitatorId(), noExperts.study().id(), null))
                .hasMessageContaining("no experts");
    }

    @Test
    void rounds_open_one_at_a_time_and_close_once() {
        var fixture = data.anOpenRound(2, 1);
        StudyId id = fixture.study().id();
        long facilitator = fixture.facilitatorId();
        assertThat(studies.study(id).state()).isEqualTo(StudyState.RUNNING);
        assertThatThrownBy(() -> studies.openNextRound(facilitator, id, null))
                .hasMessageContaining("already has an open round");
        Round closed = studies.closeRound(facilitator, fixture.round().id());
        assertThat(closed.state()).isEqualTo(RoundState.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThatThrownBy(() -> studies.closeRound(facilitator, fixture.round().id()))
                .hasMessageContaining("cannot close: it is closed");
        Round second = studies.openNextRound(facilitator, id, Instant.now().plusSeconds(3600));
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.closesAt()).isNotNull();
    }

    @Test
    void no_round_opens_past_the_maximum_and_none_after_the_study_finishes() {
        var rules = new StudyRules(StudyRules.DEFAULT_CONSENSUS_RULE, StudyRules.DEFAULT_STOPPING_RULE, 2, false, 7,
                RationalePolicy.WHEN_DEVIATING, false);
        Fixture fixture = data.aDraftStudy(1, 1, rules);
        StudyId id = fixture.study().id();
        long facilitator = fixture.facilitatorId();
        fixture = data.closeRound(data.openNextRound(fixture, null));
        fixture = data.closeRound(data.openNextRound(fixture, null));
        assertThat(fixture.round().number()).isEqualTo(2);
        assertThatThrownBy(() -> studies.openNextRound(facilitator, id, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("allows at most 2 rounds");
        assertThat(studies.rounds(id)).hasSize(2);

        assertThat(studies.finishStudy(facilitator, id).state()).isEqualTo(StudyState.FINISHED);
        assertThatThrownBy(() -> studies.openNextRound(facilitator, id, null)).hasMessageContaining("is finished");
    }

    @Test
    void a_study_finishes_only_between_rounds() {
        Fixture draft = data.aDraftStudy(1, 1);
        assertThatThrownBy(() -> studies.finishStudy(draft.facilitatorId(), draft.study().id()))
                .hasMessageContaining("cannot finish: it is draft");
        Fixture open = data.openNextRound(draft, null);
        assertThatThrownBy(() -> studies.finishStudy(open.facilitatorId(), open.study().id()))
                .hasMessageContaining("close round 1 before finishing");
    }

    @Test
    void a_deadline_in_the_past_is_refused() {
        var fixture = data.aDraftStudy(1, 1);
        assertThatThrownBy(() -> studies.openNextRound(fixture.facilitatorId(), fixture.study().id(),
                Instant.parse("2000-01-01T00:00:00Z")))
                .hasMessageContaining("must lie in the future");
    }

    @Test
    void a_target_cannot_be_added_twice_or_after_round_one() {
        var fixture = data.aDraftStudy(1, 1);
        String name = fixture.targets().get(0).name();
        StudyId id = fixture.study().id();
        assertThatThrownBy(() -> studies.addTarget(fixture.facilitatorId(), id, new TargetDetails(name, null, null)))
                .hasMessageContaining("already a target");
        studies.openNextRound(fixture.facilitatorId(), id, null);
        assertThatThrownBy(() -> studies.addTarget(fixture.facilitatorId(), id,
                new TargetDetails("Late " + name, null, null)))
                .hasMessageContaining("is running");
    }

    @Test
    void targets_and_evidence_are_edited_and_removed_in_draft() {
        Fixture fixture = data.aDraftStudy(1, 2);
        StudyId id = fixture.study().id();
        long facilitator = fixture.facilitatorId();
        Target first = fixture.targets().get(0);
        Target renamed = studies.updateTarget(facilitator, id, first.id(),
                new TargetDetails(first.name() + " Ltd", "An AI developer", "https://example.org/ltd"));
        assertThat(renamed).isEqualTo(new Target(first.id(), first.name() + " Ltd", "An AI developer",
                "https://example.org/ltd"));

        EvidenceItem item = studies.addEvidence(facilitator, id, first.id(),
                new EvidenceDetails("Safety policy", "https://example.org/policy", "We evaluate.",
                        LocalDate.of(2026, 1, 5)));
        EvidenceItem changed = studies.updateEvidence(facilitator, id, item.id(),
                new EvidenceDetails("Safety policy v2", "http://example.org/policy-2", null, null));
        assertThat(studies.evidence(first.id())).containsExactly(changed);
        assertThat(changed.title()).isEqualTo("Safety policy v2");
        studies.removeEvidence(facilitator, id, item.id());
        assertThat(studies.evidence(first.id())).isEmpty();

        studies.removeTarget(facilitator, id, first.id());
        assertThat(studies.targets(id)).extracting(Target::id).containsExactly(fixture.targets().get(1).id());
        Target again = studies.addTarget(facilitator, id, new TargetDetails(renamed.name(), null, null));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(studies.targets(id)).extracting(Target::id).containsExactly(fixture.targets().get(1).id(), first.id());
    }

    @Test
    void a_target_and_its_evidence_can_be_added_in_one_transaction() {
        // as the demo seeder does; H2 once answered the second membership check from a stale cache
        Fixture fixture = data.aDraftStudy(1, 0);
        StudyId id = fixture.study().id();
        EvidenceItem item = new TransactionTemplate(transactionManager).execute(status -> {
            Target target = studies.addTarget(fixture.facilitatorId(), id,
                    new TargetDetails("Same transaction " + id, null, null));
            return studies.addEvidence(fixture.facilitatorId(), id, target.id(),
                    new EvidenceDetails("Policy", null, null, null));
        });
        assertThat(studies.evidence(item.targetId())).containsExactly(item);
    }

    @Test
    void evidence_urls_must_be_web_addresses() {
        assertThatThrownBy(() -> new EvidenceDetails("Doc", "javascript:alert(1)", null, null))
                .hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(() -> new EvidenceDetails("Doc", "ftp://example.org/x", null, null))
                .hasMessageContaining("must start with http:// or https://");
        assertThatThrownBy(() -> new TargetDetails("Org", null, "example.org"))
                .hasMessageContaining("must start with http:// or https://");
        assertThat(new EvidenceDetails("Doc", "  HTTPS://example.org/x ", " ", null).url())
                .isEqualTo("HTTPS://example.org/x");
    }

    @Test
    void a_target_that_a_started_study_rates_can_no_longer_change() {
        Fixture running = data.anOpenRound(1, 1);
        Target shared = running.targets().get(0);
        Fixture draft = data.aDraftStudy(1, 0);
        studies.addTarget(draft.facilitatorId(), draft.study().id(), new TargetDetails(shared.name(), null, null));
        assertThatThrownBy(() -> studies.addEvidence(draft.facilitatorId(), draft.study().id(), shared.id(),
                new EvidenceDetails("New doc", null, null, null)))
                .hasMessageContaining("is also rated in " + running.study().name());
        assertThatThrownBy(() -> studies.updateTarget(draft.facilitatorId(), draft.study().id(), shared.id(),
                new TargetDetails("Renamed " + shared.name(), null, null)))
                .hasMessageContaining("is also rated in " + running.study().name());
        assertThat(studies.evidence(shared.id())).isEmpty();
    }

    @Test
    void a_csv_import_stores_targets_with_their_evidence() {
        Fixture fixture = data.aDraftStudy(1, 0);
        String tag = StudyTestData.uniqueTag();
        String csv = "name,description,website,evidence_title,evidence_url,evidence_excerpt,evidence_date\n"
                + "Alpha " + tag + ",\"A lab, in London\",https://alpha.example.org,Policy,https://alpha.example.org/p,"
                + "\"It says \"\"we test\"\"\",2026-02-01\n"
                + "Alpha " + tag + ",,,Model card,https://alpha.example.org/m,\"Line one\nline two\",\n"
                + "Beta " + tag + ",,,,,,\n";
        TargetImportResult result = studies.importTargets(fixture.facilitatorId(), fixture.study().id(), csv);
        assertThat(result).isEqualTo(new TargetImportResult(2, 2));
        List<Target> targets = studies.targets(fixture.study().id());
        assertThat(targets).extracting(Target::name, Target::description, Target::website).containsExactly(
                tuple("Alpha " + tag, "A lab, in London", "https://alpha.example.org"),
                tuple("Beta " + tag, null, null));
        assertThat(studies.evidence(targets.get(0).id()))
                .extracting(EvidenceItem::title, EvidenceItem::excerpt, EvidenceItem::publishedOn)
                .containsExactlyInAnyOrder(
                        tuple("Policy", "It says \"we test\"", LocalDate.of(2026, 2, 1)),
                        tuple("Model card", "Line one\nline two", null));
    }

    @Test
    void a_csv_import_with_any_bad_row_stores_nothing_and_lists_every_problem_by_line_and_column() {
        Fixture fixture = data.aDraftStudy(1, 1);
        String existing = fixture.targets().get(0).name();
        String tag = StudyTestData.uniqueTag();
        String csv = "name,website,evidence_title,evidence_url,evidence_date\r\n"
                + "Good " + tag + ",https://good.example.org,Doc,https://good.example.org/doc,2026-01-01\r\n"
                + ",https://nameless.example.org,,,\r\n"
                + "Bad url " + tag + ",javascript:alert(1),,,\r\n"
                + "Bad evidence " + tag + ",,,https://x.example.org,31/12/2025\r\n"
                + existing + ",,,,\r\n"
                + "Short row " + tag + "\r\n";
        assertThatThrownBy(() -> studies.importTargets(fixture.facilitatorId(), fixture.study().id(), csv))
                .isInstanceOfSatisfying(TargetImportException.class, refused -> assertThat(refused.problems())
                        .extracting(ImportProblem::line, ImportProblem::column)
                        .containsExactly(
                                tuple(3, "name"),
                                tuple(4, "website"),
                                tuple(5, "evidence_title"),
                                tuple(5, "evidence_date"),
                                tuple(6, "name"),
                                tuple(7, null)))
                .hasMessage("6 problems, nothing imported");
        assertThat(studies.targets(fixture.study().id())).containsExactlyElementsOf(fixture.targets());
        assertThat(studies.findStudy(fixture.study().id())).isPresent();
    }

    @Test
    void every_change_of_state_is_in_the_audit_log_with_before_and_after() {
        Fixture fixture = data.aDraftStudy(1, 1);
        StudyId id = fixture.study().id();
        String facilitatorEmail = studies.panelMembers(fixture.facilitatorId(), id).stream()
                .filter(m -> m.panelist().role() == PanelRole.FACILITATOR).findFirst().orElseThrow().email();
        Round round = studies.openNextRound(fixture.facilitatorId(), id, null);
        studies.closeRound(fixture.facilitatorId(), round.id());
        studies.finishStudy(fixture.facilitatorId(), id);

        List<AuditEntry> roundHistory = auditLog.forEntity("round", round.id().toString()).stream()
                .filter(entry -> !entry.action().equals("round.snapshot_stored")).toList();
        assertThat(roundHistory).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(tuple("round.opened", facilitatorEmail), tuple("round.closed", facilitatorEmail));
        assertThat(roundHistory.get(0).before()).contains("\"state\":\"DRAFT\"");
        assertThat(roundHistory.get(0).after()).contains("\"state\":\"OPEN\"");
        assertThat(roundHistory.get(1).before()).contains("\"state\":\"OPEN\"");
        assertThat(roundHistory.get(1).after()).contains("\"state\":\"CLOSED\"");

        List<AuditEntry> studyHistory = auditLog.forEntity("study", id.toString());
        assertThat(studyHistory).extracting(AuditEntry::action).containsSubsequence("study.created",
                "panel.member-added", "panel.member-added", "study.target-added", "study.state-changed",
                "study.state-changed");
        List<AuditEntry> stateChanges = studyHistory.stream()
                .filter(e -> e.action().equals("study.state-changed")).toList();
        assertThat(stateChanges.get(0).before()).contains("\"state\":\"DRAFT\"");
        assertThat(stateChanges.get(0).after()).contains("\"state\":\"RUNNING\"");
        assertThat(stateChanges.get(1).before()).contains("\"state\":\"RUNNING\"");
        assertThat(stateChanges.get(1).after()).contains("\"state\":\"FINISHED\"");
    }

    @Test
    void facilitators_see_each_experts_progress_with_names() {
        Fixture fixture = data.anOpenRound(2, 2);
        List<ExpertProgress> progress = studies.progress(fixture.facilitatorId(), fixture.round().id());
        int cells = 2 * fixture.framework().criteria().size();
        assertThat(progress).extracting(p -> p.expert().panelist().pseudonym(), ExpertProgress::rated,
                        ExpertProgress::cells, ExpertProgress::submittedAt)
                .containsExactly(tuple("Expert 1", 0, cells, null), tuple("Expert 2", 0, cells, null));
        assertThat(progress.get(0).expert().displayName()).startsWith("Expert 1 ");
        assertThatThrownBy(() -> studies.progress(fixture.expert(0), fixture.round().id()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
