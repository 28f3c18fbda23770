package org.delphipanel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Keeps docs/openapi.json true: fails when the description the application serves differs from the
 * checked-in copy. After a deliberate change of the API, rewrite the copy with
 * {@code ./mvnw verify -Dit.test=ApiDescriptionIT -Dapi.description.write=true} and review its diff.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiDescriptionIT {

    static final Path CHECKED_IN = Path.of("docs", "openapi.json");

    @LocalServerPort
    int port;

    @Test
    void the_served_openapi_description_equals_docs_openapi_json() throws IOException {
        HttpResponse<byte[]> served = new ApiClient(port).get(ApiSecurityConfiguration.OPENAPI_PATH, null);
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode description = ApiClient.json(served);
        if (Boolean.getBoolean("api.description.write")) {
            Files.writeString(CHECKED_IN, ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description)
                    + "\n");
        }
        assertThat(CHECKED_IN).as("docs/openapi.json, the checked-in copy of the API description").exists();
        JsonNode checkedIn = ApiClient.JSON.readTree(Files.readString(CHECKED_IN));
        assertThat(description)
                .as("The API description served at %s differs from docs/openapi.json. If the API changed on purpose,"
                        + " rewrite the copy with -Dapi.description.write=true and commit it with docs/api.md.",
                        ApiSecurityConfiguration.OPENAPI_PATH)
                .isEqualTo(checkedIn);
    }
}
