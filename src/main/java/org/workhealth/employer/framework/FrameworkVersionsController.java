package org.workhealth.employer.framework;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workhealth.organisation.CurrentUser;
import org.workhealth.organisation.OutOfScopeException;

/** The framework's version history, one version's criteria, and publishing a draft. */
@Controller
class FrameworkVersionsController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A version as the history lists it. */
    record VersionRow(long id, String name, String status, String publishedOn, boolean current, String basedOn,
            boolean modular) {
    }

    /** A group of criteria on the version page: a level, or a module of a modular version. */
    record Group(String heading, String description, List<Criterion> criteria) {
    }

    private final Frameworks frameworks;
    private final FrameworkAccess access;

    FrameworkVersionsController(Frameworks frameworks, FrameworkAccess access) {
        this.frameworks = frameworks;
        this.access = access;
    }

    @GetMapping("/thrive-at-work/framework")
    String versions(CurrentUser user, Model model) {
        List<FrameworkVersion> versions = frameworks.versions(access.hubsInScope(user));
        Set<Long> current = new HashSet<>();
        versions.stream().map(FrameworkVersion::hubOrganisationId).distinct()
                .forEach(hub -> frameworks.current(hub).ifPresent(v -> current.add(v.id())));
        Map<Long, String> names = new java.util.HashMap<>();
        versions.forEach(v -> names.put(v.id(), v.name()));
        List<VersionRow> rows = new ArrayList<>();
        for (FrameworkVersion v : versions) {
            rows.add(new VersionRow(v.id(), v.name(), v.status().label(),
                    v.publishedOn() == null ? "Not published" : DAY.format(v.publishedOn()), current.contains(v.id()),
                    v.basedOnId() == null ? "" : names.getOrDefault(v.basedOnId(), ""), v.modular()));
        }
        model.addAttribute("versions", rows);
        return "employer/framework/versions";
    }

    @GetMapping("/thrive-at-work/framework/{frameworkVersionId}")
    String version(CurrentUser user, @PathVariable long frameworkVersionId, Model model) {
        Framework framework = frameworks.framework(frameworkVersionId);
        access.requireRead(user, framework.version());
        model.addAttribute("framework", framework);
        model.addAttribute("version", framework.version());
        model.addAttribute("groups", groups(framework));
        model.addAttribute("current", frameworks.current(framework.version().hubOrganisationId())
                .map(v -> v.id() == frameworkVersionId).orElse(false));
        model.addAttribute("mayEdit", access.mayEdit(user, framework.version()));
        model.addAttribute("publishedOn", framework.version().publishedOn() == null ? null
                : DAY.format(framework.version().publishedOn()));
        model.addAttribute("backLink", "/thrive-at-work/framework");
        return "employer/framework/version";
    }

    @PostMapping("/thrive-at-work/framework/{frameworkVersionId}/publish")
    String publish(CurrentUser user, @PathVariable long frameworkVersionId, RedirectAttributes redirect) {
        FrameworkVersion version = frameworks.version(frameworkVersionId).orElseThrow(OutOfScopeException::new);
        access.requireEdit(user, version);
        if (!version.published()) {
            frameworks.publish(frameworkVersionId, user.id());
            redirect.addFlashAttribute("notice", "Version published: new employers now start on it");
        }
        return "redirect:/thrive-at-work/framework/" + frameworkVersionId;
    }

    static List<Group> groups(Framework framework) {
        List<Group> groups = new ArrayList<>();
        if (framework.version().modular()) {
            for (FrameworkModule module : framework.modules()) {
                groups.add(new Group(module.name(), module.description(), framework.ofModule(module.code())));
            }
        } else {
            for (FrameworkLevel level : framework.levelsWithCriteria()) {
                groups.add(new Group(level.name(), null, framework.ofLevel(level.code())));
            }
        }
        return groups;
    }
}
