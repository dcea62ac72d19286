package org.workhealth.fhir.internal;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * Validation against the base R4 specification, always on. The validator takes 3-5 s and about 200 MB to load the
 * specification, so there is one per JVM, made on first use and shared (test contexts do not each pay for it), and
 * warmed up in the background once the service has started ({@code workhealth.fhir.validation.warm-up}), so the
 * first GP system does not wait. Base R4 knows nothing of NHS numbers or ODS codes: the intake's rules check those.
 */
@Component
public class FhirValidation {

    private static final Logger log = LoggerFactory.getLogger(FhirValidation.class);

    private static final class Shared {
        static final FhirValidator VALIDATOR = create();
    }

    private final boolean warmUp;

    FhirValidation(@Value("${workhealth.fhir.validation.warm-up:true}") boolean warmUp) {
        this.warmUp = warmUp;
    }

    /** The problems that make the resource invalid: errors only, never the warnings base R4 gives freely. */
    public List<SingleValidationMessage> errors(IBaseResource resource) {
        return Shared.VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUpAfterStart() {
        if (!warmUp) {
            return;
        }
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            errors(new org.hl7.fhir.r4.model.Patient().setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-01-01")));
            log.info("FHIR validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        }, "fhir-validator-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static FhirValidator create() {
        FhirContext context = FhirServerContext.get();
        ValidationSupportChain support = support(context);
        // HAPI's validator with the HL7 validators kept for reuse: a new one per call parses the OID registry each
        // time. Validation is all CPU, so two at a time per core is as fast as more, with less memory.
        FhirInstanceValidator instanceValidator = new PooledInstanceValidator(support,
                2 * Runtime.getRuntime().availableProcessors());
        // Best-practice checks (narrative, an Observation's performer) only ever give warnings, which refuse
        // nothing: skipping them saves their FHIRPath on every resource.
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(instanceValidator);
        return validator;
    }

    /** Base R4: its definitions, the common code systems, in-memory terminology and snapshots. */
    static ValidationSupportChain support(FhirContext context) {
        return new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
    }
}
