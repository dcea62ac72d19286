package org.workhealth.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.workhealth.organisation.PublicPaths;

/**
 * The OpenAPI 3.1 document of /api/v1 (served open at {@value #DOCUMENT}) and the Swagger UI page that browses it
 * ({@value #BROWSER}); springdoc writes both from the controllers (application.yml limits it to /api/v1).
 */
@Configuration
class ApiDocumentation implements WebMvcConfigurer {

    static final String BEARER = "bearer";
    static final String DOCUMENT = "/api/v1/openapi.json";
    static final String BROWSER = "/api-docs";

    @Bean
    OpenAPI workHealthApi() {
        String scopes = Arrays.stream(ApiScope.values()).map(s -> "- `" + s.code() + "`: " + s.description())
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info().title("WorkHealth API").version("v1")
                        .description("Referrals, KPI figures and national returns for other organisations' systems. "
                                + "A client acts for one organisation, within that organisation's scope in the "
                                + "hierarchy, and only for its scopes. Errors are RFC 9457 problem details. A "
                                + "breaking change comes as /api/v2; v1 only gains fields and endpoints.")
                        .license(new License().name("MIT")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("<client key>.<secret>")
                        .description("The token an administrator was shown once when making the client, as "
                                + "`Authorization: Bearer <token>`. Each operation lists the scope it needs:\n\n"
                                + scopes)));
    }

    /** Swagger UI's page and files, open to anyone as the document is. */
    @Bean
    PublicPaths apiDocumentationPaths() {
        return new PublicPaths(BROWSER, "/swagger-ui/**");
    }

    /**
     * springdoc brings Jackson 2's YAML module, which would add a converter answering {@code application/yaml} on
     * every endpoint: the API speaks JSON only.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().contains("yaml")));
    }

}
