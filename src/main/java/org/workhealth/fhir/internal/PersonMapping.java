package org.workhealth.fhir.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.workhealth.fhir.internal.ReferralResources.Located;

/** The person referred (Patient) and who referred them (Practitioner, PractitionerRole, Organization). */
final class PersonMapping {

    private PersonMapping() {
    }

    static void patient(Located<Patient> located, MappedReferral m) {
        Patient patient = located.resource();
        int nameIndex = preferredName(patient.getName());
        m.at("firstName", located.at("name[" + nameIndex + "].given"));
        m.at("lastName", located.at("name[" + nameIndex + "].family"));
        if (nameIndex < patient.getName().size()) {
            HumanName name = patient.getName().get(nameIndex);
            m.firstName = name.hasGiven() ? name.getGiven().stream().map(PrimitiveType::getValue)
                    .collect(Collectors.joining(" ")) : null;
            m.lastName = name.getFamily();
        }
        m.dateOfBirth = day(patient.getBirthDateElement());
        m.at("dateOfBirth", located.at("birthDate"));
        m.nhsNumber = identifier(patient.getIdentifier(), FhirCodes.NHS_NUMBER).orElse(null);
        m.at("nhsNumber", located.at("identifier"));
        contact(located, m);
        int addressIndex = preferredAddress(patient.getAddress());
        String address = located.at("address[" + addressIndex + "]");
        m.at("addressLine1", address + ".line[0]");
        m.at("addressLine2", address + ".line[1]");
        m.at("town", address + ".city");
        m.at("postcode", address + ".postalCode");
        if (addressIndex < patient.getAddress().size()) {
            Address home = patient.getAddress().get(addressIndex);
            List<String> lines = home.getLine().stream().map(PrimitiveType::getValue).toList();
            m.addressLine1 = lines.isEmpty() ? null : lines.get(0);
            m.addressLine2 = lines.size() < 2 ? null : String.join(", ", lines.subList(1, lines.size()));
            m.town = home.getCity();
            m.postcode = home.getPostalCode();
        }
    }

    /**
     * Phone, email and how the person would like to be contacted. The telecom ranked first (lowest rank, else
     * first listed) is their preference: phone is a call, sms a text message, email an email. With no phone or
     * email they are written to, at their address.
     */
    private static void contact(Located<Patient> located, MappedReferral m) {
        List<ContactPoint> telecom = located.resource().getTelecom().stream()
                .filter(t -> t.hasValue() && t.getUse() != ContactPoint.ContactPointUse.OLD).toList();
        List<ContactPoint> ranked = telecom.stream()
                .filter(t -> t.getSystem() == ContactPointSystem.PHONE || t.getSystem() == ContactPointSystem.SMS
                        || t.getSystem() == ContactPointSystem.EMAIL)
                .sorted(Comparator.comparingInt(t -> t.hasRank() ? t.getRank() : Integer.MAX_VALUE)).toList();
        Optional<ContactPoint> phone = ranked.stream()
                .filter(t -> t.getSystem() == ContactPointSystem.PHONE || t.getSystem() == ContactPointSystem.SMS)
                .min(Comparator.comparing(t -> t.getUse() == ContactPoint.ContactPointUse.MOBILE ? 0 : 1));
        m.phone = phone.map(ContactPoint::getValue).orElse(null);
        m.email = ranked.stream().filter(t -> t.getSystem() == ContactPointSystem.EMAIL).findFirst()
                .map(ContactPoint::getValue).orElse(null);
        m.at("phone", located.at("telecom"));
        m.at("email", located.at("telecom"));
        m.at("contactPreference", located.at("telecom"));
        if (ranked.isEmpty()) {
            m.contactPreference = "LETTER";
            return;
        }
        m.contactPreference = switch (ranked.get(0).getSystem()) {
            case SMS -> "TEXT";
            case EMAIL -> "EMAIL";
            default -> "PHONE";
        };
        if (ranked.get(0).getSystem() != ContactPointSystem.EMAIL) {
            m.phone = ranked.get(0).getValue();
        }
    }

    /**
     * The referrer: the practitioner's name (or, for a referral a system makes with no person named, the
     * practice's), and an email address to acknowledge it to, else a phone number: the role's, the
     * practitioner's, then the practice's.
     */
    static void referrer(Optional<Located<Practitioner>> practitioner, Optional<Located<PractitionerRole>> role,
            Optional<Located<Organization>> practice, MappedReferral m) {
        if (practitioner.isPresent() && practitioner.get().resource().hasName()) {
            HumanName name = practitioner.get().resource().getNameFirstRep();
            m.referrerName = name.hasText() ? name.getText()
                    : Stream.concat(Stream.concat(name.getPrefix().stream(), name.getGiven().stream())
                            .map(PrimitiveType::getValue), Stream.ofNullable(name.getFamily()))
                            .collect(Collectors.joining(" "));
            m.at("referrerName", practitioner.get().at("name[0]"));
        } else if (practice.isPresent()) {
            m.referrerName = practice.get().resource().getName();
            m.at("referrerName", practice.get().at("name"));
        }
        List<Located<? extends org.hl7.fhir.r4.model.Resource>> sources = Stream.of(role, practitioner, practice)
                .flatMap(Optional::stream).<Located<? extends org.hl7.fhir.r4.model.Resource>>map(l -> l).toList();
        for (ContactPointSystem system : List.of(ContactPointSystem.EMAIL, ContactPointSystem.PHONE)) {
            for (Located<? extends org.hl7.fhir.r4.model.Resource> source : sources) {
                Optional<String> value = telecom(source.resource()).stream()
                        .filter(t -> t.getSystem() == system && t.hasValue()).map(ContactPoint::getValue).findFirst();
                if (value.isPresent() && m.referrerContact == null) {
                    m.referrerContact = value.get();
                    m.at("referrerContact", source.at("telecom"));
                }
            }
        }
    }

    /** The day a date or date-time names, in the UK; null when it names only a year or month, or nothing. */
    static java.time.LocalDate day(org.hl7.fhir.r4.model.BaseDateTimeType date) {
        if (date == null || date.getValue() == null
                || date.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()) {
            return null;
        }
        if (date.getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            return java.time.LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
        }
        return date.getValue().toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }

    static Optional<String> identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream().filter(i -> system.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue).findFirst();
    }

    private static List<ContactPoint> telecom(org.hl7.fhir.r4.model.Resource resource) {
        if (resource instanceof PractitionerRole role) {
            return role.getTelecom();
        }
        if (resource instanceof Practitioner practitioner) {
            return practitioner.getTelecom();
        }
        if (resource instanceof Organization organisation) {
            return organisation.getTelecom();
        }
        return List.of();
    }

    /** The official name, else the usual one, else the first; the index past the end when there is none. */
    private static int preferredName(List<HumanName> names) {
        for (HumanName.NameUse use : List.of(HumanName.NameUse.OFFICIAL, HumanName.NameUse.USUAL)) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).getUse() == use) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** The home address, else the first that is not old; 0 when there is none. */
    private static int preferredAddress(List<Address> addresses) {
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i).getUse() == Address.AddressUse.HOME) {
                return i;
            }
        }
        for (int i = 0; i < addresses.size(); i++) {
            if (addresses.get(i).getUse() != Address.AddressUse.OLD) {
                return i;
            }
        }
        return addresses.size();
    }
}
