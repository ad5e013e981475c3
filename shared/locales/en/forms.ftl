# English: checks of what people type, in the shared types (drafts, fields, dates).
# Every id starts with "forms-"; shared/src/i18n.rs says how the catalogue works.

## A new password ($min, $max, $chars: numbers)
forms-password-too-short = The password must be at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    } long (it is now { $chars }). A phrase of several words is easy to remember.
forms-password-too-long = The password may be at most { $max ->
        [one] { $max } character
       *[other] { $max } characters
    } long.

## An activity's form ($field: the field's code; each message names the field by its label, labels-field-…)
forms-fill-in-field = Fill in “{ $field ->
        [title] { labels-field-title }
        [organisations] { labels-field-organisations }
        [agenda] { labels-field-agenda }
        [decisions] { labels-field-decisions }
        [protocol] { labels-field-protocol }
        [topic] { labels-field-topic }
        [channel] { labels-field-channel }
        [summary] { labels-field-summary }
        [checking-body] { labels-field-checking-body }
        [act-number] { labels-field-act-number }
        [municipality] { labels-field-municipality }
        [grounds] { labels-field-grounds }
        [council-revote] { labels-field-council-revote }
        [court-case] { labels-field-court-case }
        [court-outcome] { labels-field-court-outcome }
       *[other] { $field }
    }”.
forms-enter-date = “{ $field ->
        [date] { labels-field-date }
        [period-from] { labels-field-period-from }
        [period-to] { labels-field-period-to }
        [act-date] { labels-field-act-date }
        [received-on] { labels-field-received-on }
        [action-on] { labels-field-action-on }
        [published-on] { labels-field-published-on }
       *[other] { $field }
    }”: enter a date as dd.mm.yyyy, e.g. 15.12.2017.
forms-enter-whole-number = “{ $field ->
        [participants] { labels-field-participants }
        [declarations-checked] { labels-field-declarations-checked }
        [irregularities-found] { labels-field-irregularities-found }
        [referrals] { labels-field-referrals }
       *[other] { $field }
    }”: enter a whole number, 0 or more.
forms-choose-field = Choose “{ $field ->
        [meeting-kind] { labels-field-meeting-kind }
        [media-kind] { labels-field-media-kind }
        [act-kind] { labels-field-act-kind }
        [action] { labels-field-action }
        [municipality] { labels-field-municipality }
       *[other] { $field }
    }”.
forms-period-starts-after-end = The period starts after it ends.
forms-choose-municipality = Choose a municipality.

## How a recorded activity reads: its headline and details
## ($from, $to, $date, $on: dd.mm.yyyy; $number: the act's number, a text; $kind, $action: labels)
forms-participants = { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
forms-headline-declaration-check = { $from } – { $to }, { $body }: declarations checked { $checked }, irregularities { $irregularities }, referrals { $referrals }
forms-headline-contested-act = { $kind } No. { $number } of { $date } ({ $municipality }): { $action } on { $on }
forms-details-published = Published on the public pages
forms-yes = yes
forms-no = no
