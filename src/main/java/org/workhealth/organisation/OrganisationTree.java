package org.workhealth.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Orders organisations parent before children, each with its depth for indenting. */
final class OrganisationTree {

    private OrganisationTree() {
    }

    static List<OrganisationSummary> flatten(List<OrganisationSummary> organisations) {
        Set<Long> ids = organisations.stream().map(OrganisationSummary::id).collect(Collectors.toSet());
        Map<Long, List<OrganisationSummary>> children = organisations.stream()
                .filter(o -> o.parentId() != null && ids.contains(o.parentId()))
                .collect(Collectors.groupingBy(OrganisationSummary::parentId));
        List<OrganisationSummary> roots = organisations.stream()
                .filter(o -> o.parentId() == null || !ids.contains(o.parentId()))
                .sorted(Comparator.comparing(OrganisationSummary::name)).toList();
        List<OrganisationSummary> ordered = new ArrayList<>();
        roots.forEach(root -> visit(root, 0, children, ordered));
        return ordered;
    }

    private static void visit(OrganisationSummary node, int depth, Map<Long, List<OrganisationSummary>> children,
            List<OrganisationSummary> ordered) {
        ordered.add(new OrganisationSummary(node.id(), node.name(), node.typeCode(), node.typeName(), node.parentId(),
                node.parentName(), node.odsCode(), depth));
        children.getOrDefault(node.id(), List.of()).stream().sorted(Comparator.comparing(OrganisationSummary::name))
                .forEach(child -> visit(child, depth + 1, children, ordered));
    }
}
