# English: the corruption-risk register.
# Every id starts with "risks-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the risk pages: years, dates, the fields of a risk, the states of a rating.
risks-year = { $year }
risks-date = { $date }
risks-year-label = Year
risks-register-title = Corruption risk register
risks-not-assessed = not assessed
risks-overdue-badge = overdue
risks-yes = yes
risks-no = no
risks-field-institution = Institution
risks-field-code = Code
risks-field-year = Register year
risks-field-area = Area of activity
risks-field-unit = Process or unit
risks-field-description = Description
risks-field-causes = Causes
risks-field-owner = Owner
risks-field-review-on = Review due
risks-field-review = Review
risks-field-status = Status
risks-field-inherent = Inherent risk
risks-field-controls = Existing controls
risks-field-residual = Residual risk
risks-field-band = Level
risks-field-response = Response
risks-field-acceptance-reason = Justification for accepting the risk
risks-field-planned-measures = Planned measures
risks-field-plan-measures = Measures of the plan
risks-field-due-on = Deadline for the measures
risks-field-signals = Related signals
risks-field-close-reason = Reason for closing
risks-field-recorded = Recorded
risks-figure-open = Open risks
risks-figure-untreated = Assessed, no measures

## The register (/risks)
risks-page-title = Corruption risks
risks-region-link = All institutions' registers side by side
risks-lead = The corruption risks in the institution's work for the year (measure VI.1 of the plan): each one rated for likelihood and impact from 1 to 5, before and after the existing controls, with the response chosen, the measures and the reviews. Every change stays in the audit trail.
risks-register-heading = Register
risks-figure-band = { $band } residual risk
risks-figure-unassessed = Not assessed
risks-figure-overdue = Overdue reviews
risks-figure-closed = Closed
risks-maps-note = The maps count the open, assessed risks: the rows are the likelihood, the columns the impact; the score is the two multiplied.
risks-inherent-map-caption = Inherent risk (before controls), { $year }
risks-residual-map-caption = Residual risk (after controls), { $year }
risks-count = { $count ->
    [one] { $count } risk
   *[other] { $count } risks
}
risks-none-year = No risks recorded for { $year }.
risks-none = No risks recorded.
risks-table-caption-year = Risks for { $year }, in the order they were entered
risks-table-caption = Risks in the order they were entered

## The heat maps
risks-likelihood = Likelihood
risks-impact = Impact
risks-likelihood-1 = rare
risks-likelihood-2 = unlikely
risks-likelihood-3 = possible
risks-likelihood-4 = likely
risks-likelihood-5 = almost certain
risks-impact-1 = insignificant
risks-impact-2 = minor
risks-impact-3 = moderate
risks-impact-4 = major
risks-impact-5 = severe
risks-map-corner = Likelihood \ Impact
risks-legend-label = Risk levels
risks-map-cell-title = Likelihood { $likelihood } × impact { $impact } = { $score }, { $band }: { $count }
risks-map-total = Assessed risks: { $count }

## The new risk form (/risks)
risks-new-title = New risk
risks-new-required = Fill in the field “{ $field }”.
risks-new-choose-year = Choose the register's year.
risks-new-choose-area = Choose an area of activity.
risks-new-choose-owner = Choose the risk's owner.
risks-new-review-on-what = the date the review is due
risks-new-owner-label = Risk owner
risks-new-owner-help = The staff member responsible for the risk.
risks-new-choose = Choose…
risks-new-review-on-help = As { shell-date-format }, at most three years after the register's year.
risks-new-description-label = Description of the risk
risks-new-description-help = What could happen.
risks-new-causes-help = Why it could happen.
risks-new-submit = Enter the risk

## A risk's page (/risks/{id})
risks-risk-title = Risk
risks-risk-heading = Risk { $code }
risks-invalid-id = The address does not contain a valid risk number.
risks-files-none = No files attached.
risks-steps-heading = Actions on the risk
risks-closed-no-changes = The risk is closed: no more changes are recorded on it.
risks-files-heading = Files
risks-record-history = Record history
risks-reviews-none = The risk has not been reviewed yet.
risks-review-residual = residual risk
risks-review-next = next review { $date }
risks-reviews-heading = Reviews

## A risk's forms: assessment, response, review, closing (/risks/{id})
risks-reloaded = The risk above has been reloaded; what you entered in the form has been kept.
risks-rating-score = Score { $rating }: { $band }
risks-assess-residual-above = The residual risk (after the existing controls) cannot be higher than the inherent risk.
risks-assess-saved = The assessment has been saved.
risks-assess-title-new = New assessment
risks-assess-title = Risk assessment
risks-assess-submit = Save the assessment
risks-assess-inherent-legend = Inherent risk (before controls)
risks-assess-residual-legend = Residual risk (with the existing controls)
risks-treat-no-plan = There is no plan for { $year }: the measures for the risk can only be described in text.
risks-treat-measures-legend = Measures of the { $year } plan that it carries out (optional)
risks-treat-justify = Explain why the risk is accepted.
risks-treat-describe = Describe the planned measures.
risks-treat-due-on-what = the deadline for the measures
risks-treat-saved = The response and the measures have been saved.
risks-treat-title-new = New response and measures
risks-treat-title = Response and measures
risks-treat-submit = Save the response
risks-treat-response-label = Response to the risk
risks-treat-due-on-label = Deadline for the measures (optional)
risks-review-on-what = the date of the review
risks-review-next-what = the date of the next review
risks-review-next-after = The next review must come after the date of this one.
risks-review-describe = Describe what the review found.
risks-review-saved = The review has been saved.
risks-review-title = Review
risks-review-submit = Save the review
risks-review-on-label = Date of the review
risks-review-next-label = Next review
risks-review-residual-legend = Residual risk at the review
risks-review-note-label = Findings
risks-close-reason-missing = Give the reason for closing.
risks-close-saved = The risk has been closed.
risks-close-title = Closing
risks-close-submit = Close the risk
risks-close-note = A closed risk stays in the year's register and in the audit trail, but can no longer be changed.

## The registers by institution (/region/risks)
risks-region-title = Corruption risks by institution
risks-region-breadcrumb = Regional view
risks-region-lead = The institutions' corruption risk registers side by side: how many risks each has at each level of residual risk, which are not assessed or have no measures, whose reviews are overdue, and which institutions have no register for the year yet. Below them, the highest risks in each area of activity.
risks-region-col-register = Register
risks-region-col-open = Open
risks-region-col-high = High
risks-region-col-medium = Medium
risks-region-col-low = Low
risks-region-col-unassessed = Not assessed
risks-region-col-untreated = No measures
risks-region-col-overdue = Overdue reviews
risks-region-col-closed = Closed
risks-region-top-none = No open, assessed risks for { $year }.
risks-region-kept = Institutions with a register
risks-region-kept-value = { $kept } of { $total }
risks-region-without = No register for the year
risks-region-high = With high residual risk
risks-region-by-institution = By institution
risks-region-top-heading = The highest risks by area
risks-region-no-register = no register
risks-region-tenants-caption = The registers for { $year } by institution: open risks by level of residual risk, and what awaits action
risks-region-no-response = none
risks-region-area-heading = { $area } — open risks: { $count }
risks-region-top-caption = The highest residual risks for { $year } in each area of activity
