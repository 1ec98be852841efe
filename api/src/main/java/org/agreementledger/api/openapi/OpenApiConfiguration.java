package org.agreementledger.api.openapi;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.agreementledger.api.problem.ProblemCode;
import org.agreementledger.api.problem.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HTTP contract as OpenAPI ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}):
 * every endpoint springdoc finds, and the two ways in: HTTP Basic (the embedded default's users)
 * and bearer JWTs (production, from the identity provider).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI ledgerContract() {
        return new OpenAPI()
                .info(new Info().title("Agreement Ledger").version("1")
                        .description("Propose, sign and certify cooperation agreements as immutable events; totals by"
                                + " city, sector and year; an audit trail checkable offline. Refusals are"
                                + " application/problem+json with a stable code (README, 'Refusals').")
                        .license(new License().name("see the repository")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("the embedded default's users (README)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("production: a token of the configured issuer, roles in its claim")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Each operation's refusals, one schema for all: the problem, with the service's own codes listed
     * (each rule of the ledger adds its own code, named in the README).
     */
    @Bean
    OpenApiCustomizer problemSchema() {
        return openApi -> openApi.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                .description("application/problem+json (RFC 9457) with a stable code")
                .addProperty("type", new StringSchema().example("urn:agreement-ledger:problem:invalid-request"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ProblemCode.values())
                        .map(ProblemCode::code).toList())
                        .description("the service's codes; a ledger rule answers with its own code"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema()))));
    }

    /**
     * The refusals of an operation: bad input, wrong credentials (even where none are needed),
     * throttled sign-ins, an Accept header it cannot satisfy and unavailability for every one;
     * forbidden for one that needs a caller (all but those marked open with an empty
     * {@code @SecurityRequirements}); too large and not JSON for a POST, invalid for one that reads a
     * body; and those its handler declares with {@link Refuses}. A query that {@link ReadsOwnWrites}
     * takes its header.
     */
    @Bean
    OperationCustomizer refusalAnswers() {
        return (operation, handler) -> {
            Set<HttpStatus> refusals = new TreeSet<>(List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED,
                    HttpStatus.NOT_ACCEPTABLE, HttpStatus.TOO_MANY_REQUESTS, HttpStatus.SERVICE_UNAVAILABLE));
            SecurityRequirements security = handler.getMethodAnnotation(SecurityRequirements.class);
            if (security == null || security.value().length > 0) {
                refusals.add(HttpStatus.FORBIDDEN);
            }
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                refusals.addAll(List.of(HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE));
            }
            if (operation.getRequestBody() != null) {
                refusals.add(HttpStatus.UNPROCESSABLE_ENTITY);
            }
            Refuses declared = handler.getMethodAnnotation(Refuses.class);
            if (declared != null) {
                refusals.addAll(List.of(declared.value()));
            }
            refusals.forEach(status -> operation.getResponses().addApiResponse(String.valueOf(status.value()),
                    refusal(status)));
            if (handler.hasMethodAnnotation(ReadsOwnWrites.class)) {
                operation.addParametersItem(new HeaderParameter().name(ReadsOwnWrites.HEADER)
                        .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ONE))
                        .description("the position a command answered: the query answers once the read models"
                                + " include that command's events, or 503 not-yet-projected after "
                                + "ledger.read-your-writes.max-wait"));
            }
            return operation;
        };
    }

    private static ApiResponse refusal(HttpStatus status) {
        List<String> codes = Arrays.stream(ProblemCode.values()).filter(code -> code.status() == status)
                .map(ProblemCode::code).toList();
        String description = status.getReasonPhrase() + ": "
                + (codes.isEmpty() ? Problems.codeOf(status) : String.join(", ", codes))
                + (status == HttpStatus.SERVICE_UNAVAILABLE ? " (with Retry-After)" : "")
                + (status.is4xxClientError() ? "; nothing was written" : "; nothing was written, send it again later");
        return new ApiResponse().description(description).content(new Content().addMediaType(
                MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
