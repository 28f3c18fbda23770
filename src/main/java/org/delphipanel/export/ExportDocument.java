package org.delphipanel.export;

import org.delphipanel.study.StudyId;

/**
 * A further file of a study that the export page offers and the ZIP bundle carries, e.g. the study
 * report. Other features contribute them as Spring beans, so that {@code export} never depends on them.
 * {@link #render} must apply {@link ExportService}'s rules of who may export what (by building on its
 * public methods), and refuse with an {@code AccessDeniedException} otherwise.
 */
public interface ExportDocument {

    /** The link text, e.g. "Study report (PDF)". */
    String label();

    /** The file name, e.g. {@code study-3-report.pdf}. */
    String fileName(StudyId studyId);

    /** The MIME type, e.g. {@code application/pdf}. */
    String contentType();

    /** The file's bytes for the signed-in person. */
    byte[] render(StudyId studyId);
}
