package org.workhealth.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workhealth.audit.AuditLog;
import org.workhealth.organisation.AccessPolicy;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.Organisation;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.Permission;
import org.workhealth.organisation.Role;
import org.workhealth.casework.internal.ServiceType;
import org.workhealth.casework.internal.SupportService;

/**
 * The services directory kept by hubs and localities. A service serves everyone below the
 * organisation that owns it (a hub's service serves its localities and their providers), so an
 * organisation sees the services of its own organisation, those above it and those below it.
 */
@Service
public class ServiceDirectory {

    /** What a new or changed service says; validated by the controller. */
    public record ServiceDetails(long organisationId, String name, ServiceType type, String area, String contact,
            String eligibility) {
    }

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    ServiceDirectory(JdbcClient jdbc, Organisations organisations, AccessPolicy access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Organisations whose services an organisation sees: itself, everything above it and everything below it. */
    public Set<Long> visibleOwners(long organisationId) {
        Set<Long> owners = new HashSet<>(access.scopeOf(organisationId));
        Long parent = organisations.find(organisationId).map(Organisation::parentId).orElse(null);
        // The guard against a cycle costs nothing and keeps a bad hierarchy from looping forever.
        while (parent != null && owners.add(parent)) {
            parent = organisations.find(parent).map(Organisation::parentId).orElse(null);
        }
        return owners;
    }

    /** The services an organisation sees, by name. */
    public List<SupportService> visibleTo(long organisationId) {
        Set<Long> owners = visibleOwners(organisationId);
        return all().stream().filter(s -> owners.contains(s.organisationId())).toList();
    }

    public Optional<SupportService> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ServiceDirectory::map).optional();
    }

    /** Whether the person may see the directory at all. */
    public boolean mayBrowse(CurrentUser user) {
        return user != null && (user.has(Permission.MANAGE_CASES) || user.has(Permission.MANAGE_PROGRAMMES));
    }

    /** Commissioners, and provider managers, may keep the services their organisation or those below it own. */
    public boolean mayEdit(CurrentUser user, long owningOrganisationId) {
        return access.may(user, Permission.MANAGE_PROGRAMMES, owningOrganisationId)
                || (user != null && user.has(Role.PROVIDER_MANAGER)
                        && access.scope(user).contains(owningOrganisationId));
    }

    /** Whether the person may add services at all (to their own organisation or below it). */
    public boolean mayAdd(CurrentUser user) {
        return user != null && (user.has(Permission.MANAGE_PROGRAMMES) || user.has(Role.PROVIDER_MANAGER));
    }

    @Transactional
    public long add(ServiceDetails details) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO support_service (organisation_id, name, service_type, area, contact, eligibility, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(details.organisationId(), details.name(), details.type().name(), details.area(),
                        details.contact(), details.eligibility(), Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        audit.recordChange("CREATE", "service", id, details.organisationId(), "Added " + details.name());
        return id;
    }

    @Transactional
    public void update(long id, ServiceDetails details) {
        jdbc.sql("""
                UPDATE support_service SET organisation_id = ?, name = ?, service_type = ?, area = ?, contact = ?,
                       eligibility = ? WHERE id = ?
                """)
                .params(details.organisationId(), details.name(), details.type().name(), details.area(),
                        details.contact(), details.eligibility(), id)
                .update();
        audit.recordChange("UPDATE", "service", id, details.organisationId(), "Changed " + details.name());
    }

    /**
     * Example services for a hub's demo: the national offers every area has and a few local ones.
     * The demo data calls this; a real area keeps its own directory through the pages.
     */
    @Transactional
    public void addExamples(long hubOrganisationId) {
        example(hubOrganisationId, "Access to Work", ServiceType.EMPLOYMENT_SUPPORT, "England, Scotland and Wales",
                "0800 121 7479; www.gov.uk/access-to-work",
                "Grants and support for people with a health condition or disability who are in work, about to "
                        + "start or returning to work");
        example(hubOrganisationId, "Able Futures", ServiceType.MENTAL_HEALTH, "Great Britain",
                "0800 321 3137; www.able-futures.co.uk",
                "Mental health support for 9 months for people in work, through Access to Work");
        example(hubOrganisationId, "Adult Education provider (local college)", ServiceType.SKILLS_AND_EDUCATION,
                "Greater Manchester", "adult.education@example.org.uk; 0161 000 0001",
                "Free courses in English, maths and digital skills for adults aged 19 and over");
        example(hubOrganisationId, "National Careers Service", ServiceType.SKILLS_AND_EDUCATION, "England",
                "0800 100 900; nationalcareers.service.gov.uk",
                "Careers advice for anyone aged 13 and over");
        example(hubOrganisationId, "Skills Bootcamps", ServiceType.SKILLS_AND_EDUCATION, "Greater Manchester",
                "www.gov.uk/guidance/find-a-skills-bootcamp",
                "Free courses of up to 16 weeks for adults aged 19 and over, in work or recently unemployed");
        example(hubOrganisationId, "NHS Talking Therapies", ServiceType.MENTAL_HEALTH, "Greater Manchester",
                "www.nhs.uk/talk; self-referral online",
                "Adults registered with a GP in the area, with anxiety or depression");
        example(hubOrganisationId, "Community musculoskeletal (MSK) service", ServiceType.MUSCULOSKELETAL,
                "Greater Manchester", "msk.referrals@example.nhs.uk; 0161 000 0002",
                "Adults with joint, muscle or back problems; referral by a GP or self-referral");
        example(hubOrganisationId, "Bury Council Live Well team", ServiceType.OTHER, "Bury",
                "livewell@bury.gov.uk; 0161 253 5000",
                "Bury residents: health, wellbeing, money and housing advice");
        example(hubOrganisationId, "Bury Voluntary and Community Faith Alliance", ServiceType.VOLUNTARY_SECTOR,
                "Bury", "info@example.org.uk; 0161 000 0003",
                "Volunteering, befriending and community groups for Bury residents");
    }

    private void example(long owner, String name, ServiceType type, String area, String contact, String eligibility) {
        add(new ServiceDetails(owner, name, type, area, contact, eligibility));
    }

    private List<SupportService> all() {
        return jdbc.sql(SELECT + " ORDER BY name, id").query(ServiceDirectory::map).list();
    }

    private static final String SELECT =
            "SELECT id, organisation_id, name, service_type, area, contact, eligibility FROM support_service";

    private static SupportService map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SupportService(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
                ServiceType.valueOf(rs.getString("service_type")), rs.getString("area"), rs.getString("contact"),
                rs.getString("eligibility"));
    }
}
