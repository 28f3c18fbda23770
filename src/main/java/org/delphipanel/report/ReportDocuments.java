package org.delphipanel.report;

import java.nio.charset.StandardCharsets;

import org.delphipanel.export.ExportDocument;
import org.delphipanel.study.StudyId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Offers the study report, HTML first then PDF, on the export page and in the ZIP bundle. */
@Configuration(proxyBeanMethods = false)
class ReportDocuments {

    @Bean
    @Order(1)
    ExportDocument htmlReport(ReportService reports) {
        return new Document("Study report (HTML, standalone, prints well)", "html", "text/html;charset=UTF-8") {
            @Override
            public byte[] render(StudyId studyId) {
                return reports.html(studyId).getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    @Bean
    @Order(2)
    ExportDocument pdfReport(ReportService reports) {
        return new Document("Study report (PDF)", "pdf", "application/pdf") {
            @Override
            public byte[] render(StudyId studyId) {
                return reports.pdf(studyId);
            }
        };
    }

    private abstract static class Document implements ExportDocument {
        private final String label;
        private final String extension;
        private final String contentType;

        Document(String label, String extension, String contentType) {
            this.label = label;
            this.extension = extension;
            this.contentType = contentType;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String fileName(StudyId studyId) {
            return ReportService.fileName(studyId, extension);
        }

        @Override
        public String contentType() {
            return contentType;
        }
    }
}
