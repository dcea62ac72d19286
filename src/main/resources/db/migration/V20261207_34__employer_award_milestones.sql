-- Which EMPLOYER_ACCREDITED milestone an award wrote (issue 15), so that an award withdrawn in the quarter it was
-- made can take its milestone back. The award itself is the assessment part's (no foreign key: E3's tables do not
-- name E2's); the ids come from its EmployerAccredited event.
CREATE TABLE employer_award_milestone (
    award_id      BIGINT  NOT NULL,
    employer_id   BIGINT  NOT NULL,
    milestone_id  BIGINT  NOT NULL,
    awarded_on    DATE    NOT NULL,
    CONSTRAINT pk_employer_award_milestone PRIMARY KEY (award_id),
    CONSTRAINT fk_employer_award_milestone_employer FOREIGN KEY (employer_id) REFERENCES employer (id)
);
