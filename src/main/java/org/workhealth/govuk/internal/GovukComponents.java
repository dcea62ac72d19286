package org.workhealth.govuk.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a GOV.UK Frontend component to HTML from the same parameters its Nunjucks macro
 * takes. Component names are the macro folder names, such as {@code "button"} or
 * {@code "summary-list"}; each lives in {@code templates/govuk/<name>.html} as the fragment
 * {@code govuk<Name>(params)}, which pages include directly with {@code th:replace}.
 */
public final class GovukComponents {

    /** The components there are, by their govuk-frontend folder names. */
    public static final java.util.List<String> NAMES = java.util.List.of("accordion", "back-link", "breadcrumbs",
            "button", "character-count", "checkboxes", "cookie-banner", "date-input", "details", "error-message",
            "error-summary", "exit-this-page", "fieldset", "file-upload", "footer", "header", "hint", "input",
            "inset-text", "label", "notification-banner", "pagination", "panel", "password-input", "phase-banner",
            "radios", "select", "service-navigation", "skip-link", "summary-list", "table", "tabs", "tag",
            "task-list", "textarea", "warning-text");

    private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");

    private final ITemplateEngine templateEngine;

    public GovukComponents(ITemplateEngine templateEngine) {
        this.templateEngine = templateEngine;
    }

    /** A renderer with its own template engine, for use outside a Spring application. */
    public static GovukComponents standalone() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(true);
        engine.addDialect(new GovukDialect());
        return new GovukComponents(engine);
    }

    public String render(String component, Map<String, ?> params) {
        if (!NAME.matcher(component).matches()) {
            throw new IllegalArgumentException("Not a component name: " + component);
        }
        Context context = new Context(Locale.UK);
        context.setVariable("component", component);
        context.setVariable("macro", macroName(component));
        context.setVariable("params", params == null ? Map.of() : params);
        return templateEngine.process("govuk/render", context);
    }

    /** {@code "summary-list"} becomes {@code "govukSummaryList"}. */
    static String macroName(String component) {
        StringBuilder name = new StringBuilder("govuk");
        for (String part : component.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
