package org.agreementledger.api.openapi;

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
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.agreementledger.api.problem.ProblemCode;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import java.util.Arrays;

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
     * Every operation's other answers are refusals, one schema: the problem, with the service's own
     * codes listed (each rule of the ledger adds its own code, named in the README).
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            Schema<Object> problem = new ObjectSchema()
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
                            .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
            openApi.getComponents().addSchemas(PROBLEM, problem);
            ApiResponse refusal = new ApiResponse().description("a refusal (4xx) or the ledger unavailable (503,"
                    + " with Retry-After): nothing was written").content(new Content().addMediaType(
                    MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            openApi.getPaths().values().forEach(path -> path.readOperations()
                    .forEach(operation -> operation.getResponses().addApiResponse("default", refusal)));
        };
    }
}
