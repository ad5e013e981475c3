# Bulgarian: checks of what people type, in the shared types (drafts, fields, dates).
# Every id starts with "forms-"; shared/src/i18n.rs says how the catalogue works.

## A new password ($min, $max, $chars: numbers)
forms-password-too-short = Паролата трябва да е поне { $min ->
        [one] { $min } знак
       *[other] { $min } знака
    } (сега е { $chars }). Фраза от няколко думи се помни лесно.
forms-password-too-long = Паролата може да е най-много { $max ->
        [one] { $max } знак
       *[other] { $max } знака
    }.

## An activity's form ($field: the field's code; each message names the field by its label, labels-field-…)
forms-fill-in-field = Попълнете „{ $field ->
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
    }“.
forms-enter-date = „{ $field ->
        [date] { labels-field-date }
        [period-from] { labels-field-period-from }
        [period-to] { labels-field-period-to }
        [act-date] { labels-field-act-date }
        [received-on] { labels-field-received-on }
        [action-on] { labels-field-action-on }
        [published-on] { labels-field-published-on }
       *[other] { $field }
    }“: въведете дата във вида дд.мм.гггг, например 15.12.2017.
forms-enter-whole-number = „{ $field ->
        [participants] { labels-field-participants }
        [declarations-checked] { labels-field-declarations-checked }
        [irregularities-found] { labels-field-irregularities-found }
        [referrals] { labels-field-referrals }
       *[other] { $field }
    }“: въведете цяло число, 0 или повече.
forms-choose-field = Изберете „{ $field ->
        [meeting-kind] { labels-field-meeting-kind }
        [media-kind] { labels-field-media-kind }
        [act-kind] { labels-field-act-kind }
        [action] { labels-field-action }
        [municipality] { labels-field-municipality }
       *[other] { $field }
    }“.
forms-period-starts-after-end = Началото на периода е след края му.
forms-choose-municipality = Изберете община.

## How a recorded activity reads: its headline and details
## ($from, $to, $date, $on: dd.mm.yyyy; $number: the act's number, a text; $kind, $action: labels)
forms-participants = { $count ->
        [one] { $count } участник
       *[other] { $count } участници
    }
forms-headline-declaration-check = { $from } – { $to }, { $body }: проверени { $checked }, нарушения { $irregularities }, сигнали { $referrals }
forms-headline-contested-act = { $kind } № { $number } от { $date } ({ $municipality }): { $action } на { $on }
forms-details-published = Публикувано на публичните страници
forms-yes = да
forms-no = не
