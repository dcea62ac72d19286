package org.workhealth.employer.framework;

import java.util.List;
import java.util.Optional;

/** A whole version: its modules and criteria, with the levels and areas they sit in. */
public record Framework(FrameworkVersion version, List<FrameworkLevel> levels, List<FrameworkArea> areas,
        List<FrameworkModule> modules, List<Criterion> criteria) {

    public List<Criterion> ofLevel(String levelCode) {
        return criteria.stream().filter(c -> c.levelCode().equals(levelCode)).toList();
    }

    public List<Criterion> ofModule(String moduleCode) {
        return module(moduleCode).map(m -> criteria.stream()
                .filter(c -> c.moduleId() != null && c.moduleId() == m.id()).toList()).orElse(List.of());
    }

    public Optional<Criterion> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<Criterion> criterion(long id) {
        return criteria.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<FrameworkLevel> level(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public Optional<FrameworkModule> module(String code) {
        return modules.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    public Optional<FrameworkModule> module(Long id) {
        return id == null ? Optional.empty() : modules.stream().filter(m -> m.id() == id).findFirst();
    }

    public String areaName(String code) {
        return areas.stream().filter(a -> a.code().equals(code)).map(FrameworkArea::name).findFirst().orElse(code);
    }

    public String levelName(String code) {
        return level(code).map(FrameworkLevel::name).orElse(code);
    }

    /** The levels that have criteria in this version, in order. */
    public List<FrameworkLevel> levelsWithCriteria() {
        return levels.stream().filter(l -> !ofLevel(l.code()).isEmpty()).toList();
    }
}
