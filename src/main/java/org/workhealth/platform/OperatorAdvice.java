package org.workhealth.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.workhealth.platform.internal.Operator;

/** Puts the operator on every page, for the layout's header and footer. */
@ControllerAdvice
class OperatorAdvice {

    private final Operator operator;

    /** Web slices that do not bind the settings still get a page, with the default operator. */
    OperatorAdvice(ObjectProvider<Operator> operator) {
        this.operator = operator.getIfAvailable(Operator::defaults);
    }

    @ModelAttribute("operator")
    Operator operator() {
        return operator;
    }
}
