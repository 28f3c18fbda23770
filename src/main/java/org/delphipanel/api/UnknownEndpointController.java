package org.delphipanel.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers a request under {@code /api} that no endpoint takes with JSON instead of letting it fall through
 * to the Vaadin servlet, which would answer with an HTML page: 405 when the path exists for other methods,
 * 415 when it exists for other content types, else 404.
 */
@Hidden
@RestController
class UnknownEndpointController {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    UnknownEndpointController(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        List<RequestMappingInfo> samePath = mappings.getObject().getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType() != UnknownEndpointController.class)
                .map(Map.Entry::getKey)
                .filter(info -> info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getMatchingCondition(request) != null)
                .toList();
        String endpoint = request.getMethod() + " " + request.getRequestURI();
        if (samePath.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "There is no endpoint " + endpoint + "; the endpoints are"
                    + " described at " + ApiSecurityConfiguration.OPENAPI_PATH + ".");
        }
        List<RequestMappingInfo> sameMethod = samePath.stream()
                .filter(info -> info.getMethodsCondition().getMatchingCondition(request) != null).toList();
        if (sameMethod.isEmpty()) {
            String allowed = samePath.stream().flatMap(info -> info.getMethodsCondition().getMethods().stream())
                    .map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).toString();
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "Method " + request.getMethod() + " is not allowed on "
                    + request.getRequestURI() + "; allowed: " + allowed + ".");
        }
        String accepted = sameMethod.stream().flatMap(info -> info.getConsumesCondition().getConsumableMediaTypes()
                .stream()).map(MediaType::toString).collect(Collectors.toCollection(TreeSet::new)).toString();
        String sent = request.getContentType() == null ? "no content type" : "content type " + request.getContentType();
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, endpoint + " does not accept " + sent + "; send "
                + accepted + ".");
    }
}
