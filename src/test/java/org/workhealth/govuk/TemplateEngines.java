package org.workhealth.govuk;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.workhealth.govuk.internal.GovukDialect;

/** A template engine for testing shared templates outside Spring: the application's templates, then any string as a template. */
public final class TemplateEngines {

    private TemplateEngines() {
    }

    public static SpringTemplateEngine withTemplatesAndStrings() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
        engine.addDialect(new GovukDialect());
        return engine;
    }
}
