# English: the staff survey: questionnaire, opening, codes, results.
# Every id starts with "survey-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the survey pages: the year picker and the results
survey-year = { $year }
survey-year-label = Year
survey-title = Anonymous survey
survey-yes = yes
survey-no = no
survey-csv-question = Question
survey-csv-share = Share, %
survey-col-answer = Answer
survey-col-count = Count
survey-col-share = Share
survey-col-percent = Percent
survey-insufficient = Not enough answers: { $respondents } of at least { $min } needed. The results are shown only once at least { $min ->
    [one] { $min } person has
   *[other] { $min } people have
} answered, so that no answer can be linked to a person.
survey-question-heading = { $number }. { $question } (answered: { $answered })
survey-percent = { $share }%
survey-texts-none = No free-text answers.
survey-texts-hidden = Only the institution's own staff see the free-text answers; they are not part of the combined results.
survey-respondents = Respondents: { $count }.
survey-results-caption = Answers by question

## The institution's survey (/survey)
survey-questionnaire-link = The region's questionnaire
survey-region-link = All institutions' surveys
survey-heading = Anonymous staff survey
survey-lead = The yearly anonymous survey on corruption risk (measure VI.2 of the plan): the Regional Administration publishes the questionnaire, the institution opens the survey and hands out one-time codes, and staff use them to answer on the “Staff survey” page without logging in. Antikor does not keep the codes and does not know who received which code.
survey-results-heading = Results
survey-questionnaire-unpublished = not yet published by the Regional Administration
survey-questionnaire-value = “{ $title }”, version { $version }
survey-not-opened = not opened
survey-closed-on = closed on { $date } (questionnaire version { $version })
survey-open-until = open until { $date } (questionnaire version { $version })
survey-no-questionnaire = The Regional Administration has not yet published the questionnaire for { $year }: the survey can be opened once it has.
survey-field-questionnaire = Questionnaire
survey-field-survey = Survey
survey-field-issued = Codes handed out
survey-field-answered = Answers received
survey-closes-on-what = the last day for answers
survey-open-heading = Opening the survey
survey-open-note = The survey opens on the newest version of the region's questionnaire. Answers are accepted up to and including the day chosen.
survey-closes-on-label = Last day for answers
survey-closes-on-help = As { shell-date-format }, from today to the end of next year.
survey-open-submit = Open the survey
survey-issue-count-invalid = Enter a number of codes from 1 to { $max }.
survey-issue-saved = { $count ->
    [one] { $count } code has been issued: see the list below.
   *[other] { $count } codes have been issued: see the list below.
}
survey-issue-heading = Access codes
survey-issue-note = Each code allows one answer. The codes are shown only once, right after they are issued: print them, cut the sheet up and hand them out at random, for example by having everyone draw one from an envelope. Do not keep a list of who received which code.
survey-code-count-label = Number of codes
survey-code-count-help = From 1 to { $max }: one for each staff member who will be invited.
survey-issue-submit = Issue the codes
survey-slip-title = Anonymous survey on corruption risk, { $year }
survey-slip-answer-at = Answer at
survey-codes-heading = Issued codes
survey-codes-once = The codes are shown only now.
survey-codes-not-kept = Antikor does not keep them and cannot show them again: print them before you leave the page.
survey-codes-hand-out = Hand them out at random and do not write down who received which code: that is what keeps the answers anonymous.
survey-codes-print = Print the codes

## The questionnaire (/survey/questionnaire)
survey-reloaded = The number of the published version above has been reloaded; what you entered in the form has been kept.
survey-kind-yes-no = Yes / No / Can't say
survey-kind-scale = Scale from 1 to 5
survey-kind-choice = Choice between given answers
survey-kind-text = Free text
survey-question-text-missing = Enter the text of question { $number }.
survey-question-options-missing = Question { $number } is a choice: enter at least two possible answers, each on its own line.
survey-questionnaire-title = Survey questionnaire
survey-questionnaire-lead = The region's questionnaire for the year. A published version never changes: every change is a new version, and institutions that have already opened the survey stay on theirs.
survey-title-missing = Enter a title for the survey.
survey-threshold-invalid = The threshold for showing results must be a whole number, at least { $min }.
survey-questions-missing = Add at least one question.
survey-published = Version { $version } of the questionnaire has been published.
survey-published-version = Published version: { $version } (“{ $title }”, { $count ->
    [one] { $count } question
   *[other] { $count } questions
}).
survey-no-published = No questionnaire has been published for { $year } yet. Below is the sample questionnaire, which you can change before publishing it.
survey-publish-submit = Publish version { $version }
survey-new-version = New version
survey-title-label = Title
survey-threshold-label = Threshold for showing results
survey-threshold-help = At least { $min ->
    [one] { $min } answer
   *[other] { $min } answers
}: with fewer, the results are not shown.
survey-intro-label = Introduction to the survey
survey-add-question = Add a question
survey-question-legend = Question { $number }
survey-question-text-label = Question text
survey-question-kind-label = Type of answer
survey-question-options-label = Possible answers
survey-question-options-help = Each on its own line: from 2 to 10 different answers.
survey-question-remove = Remove question { $number }

## The institutions' surveys (/region/survey)
survey-region-insufficient = not enough answers
survey-region-title = The institutions' surveys
survey-region-heading = The institutions' anonymous surveys
survey-region-lead = The staff surveys for the year (measure VI.2): which institutions have opened the survey and how many staff have answered. An institution's results are shown, and counted in the combined results, only once at least as many have answered as the threshold requires; free-text answers are not combined.
survey-region-col-institution = Institution
survey-region-col-opened = Opened
survey-region-col-respondents = Respondents
survey-region-caption = The institutions' surveys, { $year }
survey-region-combined-heading = Combined results
survey-region-combined-note = The sum of the institutions whose own results are shown.
