package org.workhealth.fhir.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;

/**
 * HAPI's {@link FhirInstanceValidator} with its HL7 {@link InstanceValidator}s kept and reused instead of one made per
 * validation. HAPI 8.8.0 (its package-private {@code ValidatorWrapper}) builds a new one every call, and the
 * constructor (HL7 validator 6.7.9) parses the 1.5 MB OID registry CSV and makes a FHIRPath engine: more than half
 * the CPU of validating a referral Bundle, and the thread dumps under load showed request threads queued there.
 *
 * <p>The validation itself is HAPI's, step for step: the same worker context ({@link #provideWorkerContext()}), the
 * same settings, the resource encoded as JSON and read by the HL7 parser, the same {@code meta.profile} handling and
 * the same message filtering, so a resource gets the same messages (docs/fhir.md). {@code InstanceValidator.validate}
 * clears its per-validation state itself (fetch cache, resource tracker, tracked messages) at the start of each call.
 * What it does not clear only grows (the codings seen, canonical look-ups, the ids in narratives, deprecation warnings
 * already given), so each validator is dropped after {@value #USES} validations. At most {@code poolSize} validate at
 * once, each with its own validator (a few MB each; request threads are many): others wait for one to be free.
 *
 * <p>Input that is not JSON (HAPI encodes a parsed resource as JSON, so that is not expected) goes through HAPI's own
 * path unchanged.
 */
final class PooledInstanceValidator extends FhirInstanceValidator {

    /**
     * Validations before a validator is dropped. Its {@code CodingsObserver} keeps every coding it has seen, with the
     * path to it, and so the whole parsed resource, and nothing clears it (HL7 validator 6.7.9): about 0.5 MB a
     * referral. At 20 a validator holds at most 10 MB of old referrals, and its construction is shared by 20.
     */
    static final int USES = 20;

    private record Pooled(InstanceValidator validator, int uses) {
    }

    private final BlockingQueue<Pooled> idle;
    private final Semaphore permits;

    /** @param poolSize how many validate at once, each with its own validator, made on first need */
    PooledInstanceValidator(IValidationSupport support, int poolSize) {
        super(support);
        this.idle = new ArrayBlockingQueue<>(poolSize);
        this.permits = new Semaphore(poolSize, true);
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        if (context.getResourceAsStringEncoding() != EncodingEnum.JSON) {
            return super.validate(context);
        }
        IWorkerContext worker = provideWorkerContext();
        // Validation is all CPU: more at once than the pool holds only share the cores more thinly, and each extra
        // one would build (and throw away) a validator of its own. So a request waits here for one to be free.
        permits.acquireUninterruptibly();
        try {
            Pooled pooled = idle.poll();
            InstanceValidator validator = pooled != null ? pooled.validator() : build(worker);
            int uses = pooled != null ? pooled.uses() : 0;
            List<ValidationMessage> messages = validate(worker, validator, context);
            // A validator that threw may be half-way through a resource: only one that finished goes back.
            if (uses + 1 < USES) {
                idle.offer(new Pooled(validator, uses + 1));
            }
            return messages;
        } finally {
            permits.release();
        }
    }

    /** As HAPI's ValidatorWrapper sets up a new InstanceValidator (hapi-fhir-validation 8.8.0). */
    private InstanceValidator build(IWorkerContext worker) {
        InstanceValidator v = new InstanceValidator(worker,
                getHostApplicationServices() != null ? getHostApplicationServices() : new NullEvaluationContext(),
                new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
        v.setAssumeValidRestReferences(isAssumeValidRestReferences());
        v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
        v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
        v.setResourceIdRule(IdStatus.OPTIONAL);
        v.setNoTerminologyChecks(isNoTerminologyChecks());
        v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
        v.setUnknownCodeSystemsCauseErrors(true);
        v.getExtensionDomains().addAll(getExtensionDomains());
        v.setFetcher(getValidatorResourceFetcher());
        v.setPolicyAdvisor(getValidatorPolicyAdvisor());
        v.setNoExtensibleWarnings(isNoExtensibleWarnings());
        v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
        v.setAllowExamples(isAllowExamples());
        v.setAllowXsiLocation(true);
        return v;
    }

    /** As HAPI's ValidatorWrapper validates JSON, reading {@code meta.profile} from the resource it was encoded from. */
    private List<ValidationMessage> validate(IWorkerContext worker, InstanceValidator validator,
            IValidationContext<?> context) {
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        List<String> profileUrls = new ArrayList<>(context.getOptions().getProfiles());
        if (context.getResource() instanceof IBaseResource resource) {
            resource.getMeta().getProfile().forEach(p -> profileUrls.add(p.getValueAsString()));
        }
        for (String url : profileUrls) {
            StructureDefinition profile;
            try {
                profile = worker.fetchResource(StructureDefinition.class, url);
            } catch (FHIRException e) {
                continue;
            }
            if (profile != null) {
                profiles.add(profile);
            } else {
                ValidationMessage m = new ValidationMessage();
                m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
                m.setLevel(ValidationMessage.IssueSeverity.ERROR);
                m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
                unknownProfiles.add(m);
            }
        }
        List<ValidationMessage> messages = new ArrayList<>();
        validator.validate(null, messages,
                new ByteArrayInputStream(context.getResourceAsString().getBytes(StandardCharsets.UTF_8)),
                Manager.FhirFormat.JSON, profiles);
        if (profiles.isEmpty() && !unknownProfiles.isEmpty()) {
            messages.addAll(unknownProfiles);
        }
        List<ValidationMessage> kept = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            if (!suppressed(m)) {
                kept.add(m);
            }
        }
        // An unknown profile is an error only when the validator is told so, as in HAPI 8.8.0.
        for (ValidationMessage m : kept) {
            if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(m.getMessageId())
                    || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(m.getMessageId())) {
                m.setLevel(isErrorForUnknownProfiles() ? ValidationMessage.IssueSeverity.ERROR
                        : ValidationMessage.IssueSeverity.WARNING);
            }
        }
        return kept;
    }

    /** The messages HAPI's ValidatorWrapper drops. */
    private static boolean suppressed(ValidationMessage m) {
        String id = m.getMessageId();
        return id != null && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
                || id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                        && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"));
    }
}
