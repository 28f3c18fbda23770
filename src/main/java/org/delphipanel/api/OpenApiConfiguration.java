package org.delphipanel.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frame of the OpenAPI description that springdoc fills from the controllers. The server is given as
 * "/" (the origin the description was read from), so the description does not depend on the port it was
 * served on and the checked-in copy docs/openapi.json can be compared with it byte for byte.
 */
@Configuration
class OpenApiConfiguration {

    static final String BEARER = "bearerToken";

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
}
