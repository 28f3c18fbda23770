package org.delphipanel.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.delphipanel.base.ui.Times;
import org.delphipanel.home.HomeService;
import org.delphipanel.home.StudyCard;

/** The signed-in person's studies and what needs their attention now. */
@Route("")
@PageTitle("Home · Delphi Panel")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(HomeService home) {
        addClassName("dp-view");
        setPadding(false);
        List<StudyCard> cards = home.cardsForCurrentUser();
        add(new H1("Your studies"));
        add(createAttention(cards));
        if (cards.isEmpty()) {
            add(new Paragraph("You are not on the panel of any study yet. When a facilitator invites you, the study"
                    + " appears here."));
        }
        cards.forEach(card -> add(createCard(card)));
    }

    private Component createAttention(List<StudyCard> cards) {
        List<String> items = cards.stream().map(StudyCard::attention).filter(a -> !a.isBlank()).toList();
        var box = new Div();
        box.addClassName("dp-attention");
        box.getElement().setAttribute("role", "status");
        if (items.isEmpty()) {
            box.add(new Paragraph("Nothing needs your attention right now."));
        } else {
            box.add(new H2("Needs your attention"));
            items.forEach(item -> box.add(new Paragraph(item)));
        }
        return box;
    }

    private Component createCard(StudyCard card) {
        var section = new Div();
        section.addClassName("dp-card");
        section.getElement().setAttribute("aria-label", card.studyName());
        section.add(new H2(card.studyName()));
        section.add(new Paragraph(card.roleLabel() + " · " + card.frameworkLabel() + " · " + card.targetCount()
                + " targets · " + card.expertCount() + " experts"));
        if (card.question() != null) {
            var question = new Paragraph(card.question());
            question.addClassName("dp-muted");
            section.add(question);
        }
        var round = new Span(card.roundLabel()
                + (card.deadline() == null ? "" : " · closes " + Times.dateTime(card.deadline())));
        round.addClassName("dp-round");
        section.add(round);
        if (!card.progress().isBlank()) {
            section.add(new Paragraph(card.progress()));
        }
        // paths, not view classes: the rating and study views belong to their own features
        var links = new Div();
        links.addClassName("dp-card-links");
        links.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5em 1.5em");
        if ("Expert".equals(card.roleLabel())) {
            links.add(new Anchor("rate/" + card.studyId(), "Open your ratings for " + card.studyName()));
        }
        if (card.manages()) {
            links.add(new Anchor("studies/" + card.studyId() + "/setup", "Set up and run " + card.studyName()));
        }
        links.add(new Anchor("studies/" + card.studyId() + "/rules", "Rules of " + card.studyName()));
        section.add(links);
        return section;
    }
}
