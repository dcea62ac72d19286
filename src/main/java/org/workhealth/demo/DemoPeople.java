package org.workhealth.demo;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.NewPerson;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.organisation.Person;
import org.workhealth.organisation.Role;
import org.workhealth.referral.AreaKind;
import org.workhealth.referral.ReferralAreas;

/** The demo's organisations, the people who sign in to them, and the areas a referral is routed by. */
@Component
class DemoPeople {

    static final String PASSWORD = "demo-password-2026";

    /**
     * The ten Greater Manchester localities and their usual resident populations at the 2021 Census, as the demo
     * holds them (see docs/funding-allocations.md for how far they are checked).
     */
    static final Map<String, Long> GM_POPULATIONS = orderedPopulations();

    private static Map<String, Long> orderedPopulations() {
        Map<String, Long> populations = new LinkedHashMap<>();
        populations.put("Bolton", 295_962L);
        populations.put("Bury", 193_846L);
        populations.put("Manchester", 551_938L);
        populations.put("Oldham", 242_089L);
        populations.put("Rochdale", 223_773L);
        populations.put("Salford", 270_707L);
        populations.put("Stockport", 294_197L);
        populations.put("Tameside", 231_073L);
        populations.put("Trafford", 235_052L);
        populations.put("Wigan", 329_304L);
        return Collections.unmodifiableMap(populations);
    }

    /** The organisations the rest of the demo hangs its programmes, contracts and cases on. */
    record Places(long national, long wmca, long bchft, long shaw, long gm, long cw, Map<String, Long> gmLocalities,
            long buryLiveWell, long oldhamProvider, long warwickshire, long coventry, String passwordHash) {
    }

    private final Organisations organisations;
    private final People people;
    private final ReferralAreas areas;
    private String demoPasswordHash;

    DemoPeople(Organisations organisations, People people, ReferralAreas areas) {
        this.organisations = organisations;
        this.people = people;
        this.areas = areas;
    }

    /** Whether the database has no organisation yet, so the demo may be loaded into it. */
    boolean empty() {
        return organisations.namesById().isEmpty();
    }

    Places load() {
        // One hash for every demo account: bcrypt is slow by design, and the accounts share a password anyway.
        demoPasswordHash = people.hash(PASSWORD);
        long national = org("Joint Work and Health Directorate (DWP and DHSC)", "NATIONAL", null, null);

        long wmca = org("West Midlands Combined Authority", "HUB", national, null);
        long bchft = org("Black Country Healthcare NHS Foundation Trust", "PROVIDER", wmca, "TAJ");
        long shaw = org("Shaw Trust", "PROVIDER", wmca, null);
        org("Thrive into Work Black Country team", "TEAM", bchft, null);
        long university = org("University of Warwick evaluation team", "TEAM", wmca, null);

        long gm = org("NHS Greater Manchester", "HUB", national, "QOP");
        // All ten Greater Manchester localities, so that the hub's fair shares are worked out over all of them.
        Map<String, Long> gmLocalities = new LinkedHashMap<>();
        for (String locality : GM_POPULATIONS.keySet()) {
            gmLocalities.put(locality, org(locality, "LOCALITY", gm, null));
        }
        long bury = gmLocalities.get("Bury");
        long buryLiveWell = org("Bury Council Live Well service", "PROVIDER", bury, null);
        long gpPractice = org("Townside Primary Care Centre", "REFERRER", bury, "P83010");
        long oldham = gmLocalities.get("Oldham");
        long oldhamProvider = org("Oldham Working Well service", "PROVIDER", oldham, null);

        long cw = org("Coventry and Warwickshire Integrated Care Board", "HUB", national, "QWU");
        long warwickshire = org("Warwickshire County Council", "LOCALITY", cw, null);
        long coventry = org("Coventry City Council", "LOCALITY", cw, null);

        person("Asha Patel", "admin@workhealth.example", national, EnumSet.of(Role.ADMINISTRATOR));
        person("Noah Williams", "national@workhealth.example", national, EnumSet.of(Role.NATIONAL));
        person("Grace Okafor", "commissioner@gm.workhealth.example", gm, EnumSet.of(Role.COMMISSIONER));
        person("Tom Hughes", "commissioner@wmca.workhealth.example", wmca, EnumSet.of(Role.COMMISSIONER));
        person("Priya Shah", "manager@bury.workhealth.example", buryLiveWell, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Daniel Brooks", "coach@bury.workhealth.example", buryLiveWell, EnumSet.of(Role.PRACTITIONER));
        // Oldham's manager, so that the hub's collation of its localities' returns can be shown end to end.
        person("Ravi Desai", "manager@oldham.workhealth.example", oldhamProvider, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Sara Ahmed", "specialist@bchft.workhealth.example", bchft, EnumSet.of(Role.PRACTITIONER));
        person("Dr Helen Clarke", "referrer@townside.workhealth.example", gpPractice, EnumSet.of(Role.REFERRER));
        person("Professor Mark Evans", "evaluator@workhealth.example", university, EnumSet.of(Role.EVALUATOR));
        person("Leah Turner", "admin@gm.workhealth.example", gm, EnumSet.of(Role.ADMINISTRATOR));
        // Someone for every organisation that holds a contract or agreement, and two practitioners per provider,
        // so that a manager can move a case from one to the other.
        person("Fiona Gallagher", "commissioner@cw.workhealth.example", cw, EnumSet.of(Role.COMMISSIONER));
        person("Joe Marsh", "coach2@bury.workhealth.example", buryLiveWell, EnumSet.of(Role.PRACTITIONER));
        person("Amira Hussain", "coach@oldham.workhealth.example", oldhamProvider, EnumSet.of(Role.PRACTITIONER));
        person("Liam Doherty", "coach2@oldham.workhealth.example", oldhamProvider, EnumSet.of(Role.PRACTITIONER));
        person("Rebecca Hall", "manager@bchft.workhealth.example", bchft, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Kwame Mensah", "specialist2@bchft.workhealth.example", bchft, EnumSet.of(Role.PRACTITIONER));
        person("Helen Price", "manager@shaw.workhealth.example", shaw, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Marcus Reid", "coach@shaw.workhealth.example", shaw, EnumSet.of(Role.PRACTITIONER));
        person("Nadia Begum", "coach2@shaw.workhealth.example", shaw, EnumSet.of(Role.PRACTITIONER));
        person("Owen Clarke", "manager@warwickshire.workhealth.example", warwickshire,
                EnumSet.of(Role.PROVIDER_MANAGER));
        person("Chloe Evans", "coach@warwickshire.workhealth.example", warwickshire, EnumSet.of(Role.PRACTITIONER));
        person("Sam Patel", "coach2@warwickshire.workhealth.example", warwickshire, EnumSet.of(Role.PRACTITIONER));
        person("Zainab Ali", "manager@coventry.workhealth.example", coventry, EnumSet.of(Role.PROVIDER_MANAGER));
        person("Tomasz Nowak", "coach@coventry.workhealth.example", coventry, EnumSet.of(Role.PRACTITIONER));
        person("Grace Bennett", "coach2@coventry.workhealth.example", coventry, EnumSet.of(Role.PRACTITIONER));
        return new Places(national, wmca, bchft, shaw, gm, cw, gmLocalities, buryLiveWell, oldhamProvider, warwickshire,
                coventry, demoPasswordHash);
    }

    void areas(Places places) {
        // Areas: which organisation the single access point routes a referral to.
        area(places.buryLiveWell(), AreaKind.GP_PRACTICE, "P83010");
        districts(places.buryLiveWell(), "BL0", "BL8", "BL9", "M25", "M26", "M45");
        districts(places.oldhamProvider(), "OL1", "OL2", "OL3", "OL4", "OL8", "OL9");
        districts(places.coventry(), "CV1", "CV2", "CV3", "CV4", "CV5", "CV6");
        districts(places.warwickshire(), "CV10", "CV11", "CV12", "CV21", "CV22", "CV31", "CV32", "CV34", "CV37");
        districts(places.bchft(), "WV1", "WV2", "WV10", "WS1", "WS2", "DY1", "DY2", "B66", "B70");
        districts(places.shaw(), "B1", "B5", "B15", "B23", "B90", "B91");
    }

    long id(String email) {
        return people.findByEmail(email).orElseThrow().id();
    }

    Person person(String email) {
        return people.findByEmail(email).orElseThrow();
    }

    CurrentUser user(String email) {
        Person person = person(email);
        String organisationName = organisations.find(person.organisationId()).orElseThrow().name();
        return new CurrentUser(person.id(), person.email(), person.fullName(), person.organisationId(),
                organisationName, person.roleSet());
    }

    private void area(long organisationId, AreaKind kind, String code) {
        areas.add(organisationId, kind, code);
    }

    private void districts(long organisationId, String... districts) {
        for (String district : districts) {
            area(organisationId, AreaKind.POSTCODE_DISTRICT, district);
        }
    }

    private long org(String name, String type, Long parent, String ods) {
        return organisations.create(name, type, parent, ods).id();
    }

    private void person(String name, String email, long organisation, Set<Role> roles) {
        people.createWithPasswordHash(new NewPerson(name, email, organisation, roles), demoPasswordHash);
    }
}
