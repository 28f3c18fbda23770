package org.delphipanel.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frame of the OpenAPI description that springdoc fills from the controllers, and the error answers
 * every operation can give (springdoc cannot see them: they come from the security chain and the
 * exception handler). The server is given as "/" (the origin the description was read from), so the
 * description does not depend on the port it was served on and the checked-in copy docs/openapi.json can
 * be compared with it.
 */
@Configuration
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";
    private static final String ERROR_SCHEMA = "ApiError";

    /** What each status means on this API, as the operations' descriptions say it. */
    private static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Malformed parameter or body; the message names the field");
        errors.put("401", "No token, or an unknown, revoked or expired token, or its owner's account is disabled");
        errors.put("403", "The token's owner may not do this (role, panel, blindness), or the token's scope or study"
                + " restriction does not allow it");
        errors.put("404", "Unknown study, round or export kind");
        errors.put("409", "Conflict: the rating changed since expectedVersion (reload it), or the cell is settled");
        errors.put("413", "The file is larger than 5 MiB");
        errors.put("415", "Wrong Content-Type; the message says which are accepted");
        errors.put("422", "Well-formed but invalid: a grade off the scale, or an import file's problems by line and"
                + " column in details");
        errors.put("423", "The current round is not open (closed, draft, or past its deadline)");
        return errors;
    }

    @Bean
    OpenAPI delphiPanelApi() {
        return new OpenAPI()
                .info(new Info().title("Delphi Panel API").version("1")
                        .description("Studies, rules, rounds, exports, the ratings import and an expert's own ratings."
                                + " Authenticate with a personal API token: Authorization: Bearer dpat_..."
                                + " Errors are JSON {status, error, message, details}. See docs/api.md."))
                .servers(List.of(new Server().url("/").description("this server")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("dpat_ + 43 characters")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> {
            ResolvedSchema error = ModelConverters.getInstance().readAllAsResolvedSchema(ApiError.class);
            openApi.getComponents().addSchemas(ERROR_SCHEMA, error.schema);
            error.referencedSchemas.forEach((name, schema) -> {
                if (!name.equals(ERROR_SCHEMA)) {
                    openApi.getComponents().addSchemas(name, schema);
                }
            });
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                for (String status : statuses(path, method)) {
                    operation.getResponses().addApiResponse(status, new ApiResponse()
                            .description(ERRORS.get(status))
                            .content(new Content().addMediaType("application/json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)))));
                }
            }));
        };
    }

    private static List<String> statuses(String path, PathItem.HttpMethod method) {
        if (path.endsWith("/rounds/current/ratings")) {
            return List.of("400", "401", "403", "404", "409", "415", "422", "423");
        }
        if (path.endsWith("/ratings-import")) {
            return List.of("401", "403", "404", "409", "413", "415", "422", "423");
        }
        if (path.equals("/api/studies")) {
            return List.of("401");
        }
        return List.of("400", "401", "403", "404");
    }
}
