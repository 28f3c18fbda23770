package org.delphipanel.study.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.delphipanel.stats.ConsensusRule;
import org.delphipanel.stats.StoppingRule;
import org.delphipanel.study.RationalePolicy;
import org.delphipanel.study.Study;
import org.delphipanel.study.StudyRules;
import org.delphipanel.study.StudyState;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rules, editable until round 1 opens and read-only after. Each rule text is parsed by the
 * statistics core as it will be applied, and its error message is shown on the field.
 */
class RulesSection extends VerticalLayout {

    private final transient SetupContext setup;
    private final TextField consensus = new TextField("Consensus rule");
    private final TextField stopping = new TextField("Stopping rule");
    private final IntegerField maxRounds = new IntegerField("Maximum number of rounds");
    private final Checkbox carry = new Checkbox("Rate cells that reached consensus again in the next round");
    private final Select<Integer> quantileType = new Select<>();
    private final Select<RationalePolicy> rationale = new Select<>();
    private final Checkbox prefill = new Checkbox("Start each new round with the expert's own previous ratings");
    private final Paragraph error = Feedback.alertLine("rules-error");

    RulesSection(SetupContext setup) {
        this.setup = setup;
        setPadding(false);
        Study study = setup.study();
        boolean frozen = study.state() != StudyState.DRAFT || !setup.studies().rounds(study.id()).isEmpty();
        if (frozen) {
            var fixed = new Paragraph("The rules are fixed since round 1 opened. Every panel member sees them on the"
                    + " study's rules page.");
            fixed.setId("rules-frozen");
            add(fixed, new RulesList(study.rules()));
            return;
        }
        add(new Paragraph("Set the rules before round 1 opens; they are then fixed and shown to every panel member."),
                createForm(study.rules()), error);
        var save = new Button("Save rules", event -> save());
        save.setId("rules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }

    private FormLayout createForm(StudyRules rules) {
        consensus.setId("rules-consensus");
        consensus.setValue(rules.consensusRule());
        consensus.setHelperText("e.g. " + StudyRules.DEFAULT_CONSENSUS_RULE + " (see the statistics guide)");
        stopping.setId("rules-stopping");
        stopping.setValue(rules.stoppingRule());
        stopping.setHelperText("e.g. " + StudyRules.DEFAULT_STOPPING_RULE);
        maxRounds.setId("rules-max-rounds");
        maxRounds.setMin(1);
        maxRounds.setMax(20);
        maxRounds.setStepButtonsVisible(true);
        maxRounds.setValue(rules.maxRounds());
        carry.setId("rules-carry");
        carry.setValue(rules.carryConsensus());
        quantileType.setId("rules-quantile");
        quantileType.setLabel("Quartiles and IQR");
        quantileType.setItems(7, 6);
        quantileType.setItemLabelGenerator(Texts::quantileType);
        quantileType.setValue(rules.quantileType());
        rationale.setId("rules-rationale");
        rationale.setLabel("Rationale");
        rationale.setItems(RationalePolicy.values());
        rationale.setItemLabelGenerator(Texts::rationale);
        rationale.setValue(rules.rationalePolicy());
        prefill.setId("rules-prefill");
        prefill.setValue(rules.prefillPrevious());
        var form = new FormLayout(consensus, stopping, maxRounds, quantileType, rationale, carry, prefill);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        return form;
    }

    private void save() {
        error.setText("");
        consensus.setInvalid(false);
        stopping.setInvalid(false);
        maxRounds.setInvalid(false);
        boolean valid = parses(consensus, true) & parses(stopping, false);
        Integer rounds = maxRounds.getValue();
        if (rounds == null || rounds < 1 || rounds > 20) {
            maxRounds.setErrorMessage("Enter a whole number from 1 to 20.");
            maxRounds.setInvalid(true);
            valid = false;
        }
        if (!valid) {
            error.setText("The rules were not saved; see the marked fields.");
            return;
        }
        try {
            var rules = new StudyRules(consensus.getValue(), stopping.getValue(), rounds, carry.getValue(),
                    quantileType.getValue(), rationale.getValue(), prefill.getValue());
            setup.studies().updateRules(setup.userId(), setup.studyId(), rules);
            Feedback.done("Rules saved.");
            setup.refresh().run();
        } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException refused) {
            error.setText(refused.getMessage());
        }
    }

    private static boolean parses(TextField field, boolean consensusRule) {
        try {
            if (consensusRule) {
                ConsensusRule.parse(field.getValue());
            } else {
                StoppingRule.parse(field.getValue());
            }
            return true;
        } catch (IllegalArgumentException refused) {
            field.setErrorMessage(refused.getMessage());
            field.setInvalid(true);
            return false;
        }
    }
}
