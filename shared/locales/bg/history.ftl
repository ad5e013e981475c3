# Bulgarian: a record's history and the descriptions of events, as the audit pages show them.
# Every id starts with "history-"; shared/src/i18n.rs says how the catalogue works.

## Quoting ($text: a title or a file's name)
history-quoted = „{ $text }“

## Refusals of a comparison or a history
history-choose-institution = Изберете институция.
history-moments-reversed = Първият момент е след втория.
history-too-many-events = Между двата момента има повече от { $max ->
        [one] { $max } събитие
       *[other] { $max } събития
    }: изберете по-кратък период.
history-journal-not-a-record = Това е дневник на събития (входове, ключове), а не запис: вижте одитната следа.
history-no-such-record = Няма такъв запис или нямате достъп до него.

## Records' names ($reference, $code, $key, $year: texts)
history-record-signal = Сигнал { $reference }
history-record-signal-unknown = Сигнал
history-record-risk = Риск { $code }
history-record-risk-unknown = Риск
history-record-activity-unknown = Дейност
history-plan-measure = Мярка { $key } ({ $year })
history-meeting-name = { $kind } „{ $title }“
history-training-name = Обучение „{ $topic }“
history-media-appearance-name = Медийна изява в { $channel } от { $date }
history-media-campaign-name = Информационна кампания в { $channel } от { $date }
history-declarations-check-name = Проверка на декларации за { $from } – { $to }
history-act-council-decision = решение на общинския съвет № { $number } от { $date }
history-act-mayor-order = заповед на кмета № { $number } от { $date }
history-contested-decision-name = Оспорено { $act }
history-contested-order-name = Оспорена { $act }

## Events that cannot be described ($event_type: the stored type's name)
history-event-unknown = Събитие { $event_type }
history-event-unreadable = Събитие { $event_type } (не може да се прочете)

## Events: institutions and accounts
history-tenant-registered = Регистрирана институция { $name } ({ $kind }, код { $code })
history-account-created = Създаден профил { $username } – { $name } ({ $role })
history-role-granted = Профил { $username }: роля { $previous } → { $role }
history-account-disabled = Деактивиран профил { $username }: { $reason }
history-account-enabled = Профилът { $username } е активиран отново
history-password-changed = { $username } смени паролата си
history-password-reset = Администратор зададе нова парола на профил { $username }
history-notifications-chosen = { $username } избра известия по електронна поща на { $email }: { $delivery }
history-notifications-stopped = { $username } спря известията по електронна поща
history-digest-sent = Изпратено дневно писмо до { $username } ({ $items ->
        [one] { $items } брой
       *[other] { $items } броя
    })
history-new-signals-mail-sent = Изпратено писмо за нов сигнал до { $username } ({ $items ->
        [one] { $items } брой
       *[other] { $items } броя
    })
history-logged-in = Вход на { $username }
history-logged-out = Изход на { $username }
history-login-failed = Неуспешен вход ({ $who }): { $reason }
history-login-failed-blocked = Неуспешен вход ({ $who }): { $reason }; входът е спрян до { $until }
history-login-unknown-username = непознато потребителско име
history-login-failure-unknown-account = няма такъв профил
history-login-failure-wrong-password = грешна парола
history-login-failure-account-disabled = профилът е деактивиран

## Events: the plan and its progress ($year, $base, $key, $measure: texts)
history-plan-adopted = Приет план за { $year }: „{ $title }“
history-plan-adopted-based-on = Приет план за { $year }: „{ $title }“ (въз основа на плана за { $base })
history-measure-added = Добавена мярка { $key } към плана за { $year }
history-measure-updated = Променена мярка { $key } ({ $year })
history-measure-updated-fields = Променена мярка { $key } ({ $year }): { $fields }
history-measure-withdrawn = Оттеглена мярка { $key } ({ $year }): { $reason }
history-progress-reported = { $tenant } отчете мярка { $measure } ({ $year }): { $level }
history-progress-reported-changed = { $tenant } отчете мярка { $measure } ({ $year }): { $before } → { $level }
history-progress-reported-unchanged = { $tenant } отчете мярка { $measure } ({ $year }): { $level } (без промяна на степента)

## Events: activities
history-meeting-recorded = { $tenant } записа { $kind } „{ $title }“ на { $date } ({ $participants ->
        [one] { $participants } участник
       *[other] { $participants } участници
    })
history-training-recorded = { $tenant } записа обучение „{ $topic }“ на { $date } ({ $participants ->
        [one] { $participants } участник
       *[other] { $participants } участници
    })
history-media-appearance-recorded = { $tenant } записа медийна изява в { $channel } на { $date }
history-media-campaign-recorded = { $tenant } записа информационна кампания в { $channel } на { $date }
history-declarations-checked = { $tenant } записа проверка на { $declarations ->
        [one] { $declarations } декларация
       *[other] { $declarations } декларации
    } за { $from } – { $to }: { $irregularities ->
        [one] { $irregularities } несъответствие
       *[other] { $irregularities } несъответствия
    }
history-act-returned = { $tenant } върна за ново обсъждане { $act } ({ $municipality })
history-act-contested-in-court = { $tenant } оспори пред съда { $act } ({ $municipality })
history-activity-corrected = Поправен запис { $record }: { $reason }
history-act-followed-up = Развитие по { $record }: { $details }
history-follow-up-revote = ново решение на съвета: { $decision }
history-follow-up-court-case = дело № { $case }
history-follow-up-court-outcome = изход: { $outcome }
history-follow-up-published = публикувано на { $date }
history-contacts-updated = { $tenant } обнови контактите на експертите ({ $count ->
        [one] { $count } контакт
       *[other] { $count } контакта
    })
history-files-attached = Към { $record } са приложени { $files }

## Events: the risk register
history-rating = вероятност { $likelihood } × въздействие { $impact } = { $score } ({ $band })
history-risk-identified = { $tenant } вписа риск в регистъра за { $year } г. ({ $area }): { $description }
history-risk-assessed = { $record } оценен: присъщ риск { $inherent }, остатъчен { $residual }
history-risk-treatment-planned = { $record }: отговор „{ $response }“, { $actions }
history-risk-reviewed = { $record } прегледан към { $date }: { $rating }; следващ преглед до { $next }
history-risk-closed = { $record } закрит: { $reason }

## Events: the staff survey ($year, $version: texts)
history-questionnaire-published = { $tenant } публикува анкетата за служителите за { $year } г., версия { $version } ({ $questions ->
        [one] { $questions } въпрос
       *[other] { $questions } въпроса
    })
history-survey-opened = { $tenant } откри анкетата за служителите за { $year } г. (версия { $version }) до { $date }
history-survey-codes-issued = { $tenant } издаде { $count ->
        [one] { $count } код за достъп
       *[other] { $count } кода за достъп
    } за анкетата
history-survey-answered = Анонимен отговор на анкетата на { $tenant }

## Events: signals
history-signal-filed = Получен сигнал { $reference } ({ $channel }, { $category }) на { $date }
history-signal-filed-anonymous = Получен анонимен сигнал { $reference } ({ $channel }, { $category }) на { $date }
history-signal-acknowledged = { $record }: потвърдено получаване на { $date }
history-signal-assigned = { $record }: възложен на { $to }
history-signal-classified = { $record }: класифициран – { $regime }; { $category }
history-signal-forwarded = { $record }: препратен на { $to } с изх. № { $number } от { $date }
history-signal-followed-up = { $record }: действие по сигнала на { $date }
history-signal-feedback-given = { $record }: дадена обратна информация на { $date }
history-signal-message-sent = { $record }: съобщение до подателя
history-signal-reporter-replied = { $record }: съобщение от подателя
history-signal-closed = { $record }: приключен на { $date } – { $outcome }
history-signal-linked = { $record }: свързан с друг сигнал
history-signal-risks-linked = { $record }: свързан с { $count ->
        [one] { $count } риск
       *[other] { $count } риска
    } от регистъра на рисковете
history-signal-identity-viewed = { $record }: отворени { $fields }
history-sealed-reporter = данните на подателя
history-sealed-concerned = засегнатите лица
history-sealed-account = изложението
history-signal-key-destroyed = { $record }: личните данни са унищожени (срокът за съхранение изтече на { $date })
history-internal-channel-obliged = { $tenant } записа решение за вътрешен канал за сигнали: задължена е да поддържа канал
history-internal-channel-not-obliged = { $tenant } записа решение за вътрешен канал за сигнали: не е задължена да поддържа канал
history-intake-lists-set = { $tenant } обнови списъците за сигнали: { $units ->
        [one] { $units } звено
       *[other] { $units } звена
    }, { $activities ->
        [one] { $activities } дейност
       *[other] { $activities } дейности
    }

## Events: keys
history-vault-key-rotated = Сменен главен ключ на хранилището ({ $count ->
        [one] { $count } ключ
       *[other] { $count } ключа
    } на сигнали са презаписани)
history-log-key-replaced = Сменен ключ за подписване на дневника { $origin }
history-log-key-adopted = Приет ключ за подписване на дневника { $origin }

## A record's fields, as its history and a comparison list them
history-field-level = Степен на изпълнение
history-field-note = Бележка
history-field-evidence = Доказателства
history-field-reported-for = Отчетено към
history-field-year = Година
history-field-area = Област на дейност
history-field-unit = Процес или звено
history-field-description = Описание
history-field-causes = Причини
history-field-owner = Собственик
history-field-inherent-risk = Присъщ риск
history-field-existing-controls = Съществуващи контроли
history-field-residual-risk = Остатъчен риск
history-field-response = Отговор
history-field-planned-actions = Планирани мерки
history-field-plan-measures = Мерки от плана
history-field-actions-due = Срок на мерките
history-field-review-due = Срок за преглед
history-field-reviews = Прегледи
history-field-status = Състояние
history-field-closing-reason = Причина за закриването
history-field-name = Наименование
history-field-kind = Вид
history-field-code = Код
history-field-province = Област
history-field-ekatte = ЕКАТТЕ
history-field-population-2011 = Население (2011)
history-field-contacts = Контакти
history-field-obliged = Задължена да поддържа канал
history-field-population = Население
history-field-staff = Служители
history-field-units = Звена
history-field-activities = Дейности
history-field-display-name = Име
history-field-role = Роля
history-field-password-changed = Последна смяна на паролата
history-field-date = Дата
history-field-title = Заглавие
history-field-participants = Участници
history-field-organisations = Организации
history-field-agenda = Дневен ред
history-field-decisions = Решения
history-field-protocol = Протокол
history-field-open-to-public = Открито за гражданите
history-field-measures = Мерки
history-field-topic = Тема
history-field-media-channel = Медия или канал
history-field-content = Съдържание
history-field-period-from = Период от
history-field-period-to = Период до
history-field-checking-body = Проверяващ орган
history-field-declarations-checked = Проверени декларации
history-field-irregularities = Несъответствия
history-field-referrals = Сезирани органи
history-field-act = Акт
history-field-number = Номер
history-field-act-date = Дата на акта
history-field-municipality = Община
history-field-received-on = Получен на
history-field-action = Действие
history-field-action-on = Действие на
history-field-grounds = Основания
history-field-council-revote = Ново решение на съвета
history-field-court-case = Съдебно дело
history-field-court-outcome = Изход от делото
history-field-published-on = Публикуван на
history-field-channel = Канал
history-field-category = Категория
history-field-regime = Режим
history-field-acknowledged-on = Потвърден на
history-field-uin = УИН
history-field-assigned-to = Възложен на
history-field-forwarded = Препратен
history-field-feedback-on = Обратна информация на
history-field-closed = Приключен
history-field-linked-signals = Свързани сигнали
history-field-personal-data = Личните данни
history-field-based-on = Въз основа на плана за
history-field-sections = Раздели
history-field-text = Текст
history-field-deadline = Срок
history-field-responsible = Отговорници
history-field-indicator = Индикатор
history-field-expected-result = Очакван резултат
history-field-withdrawn = Оттеглена

## A field's values
history-rating-short = { $likelihood }×{ $impact } = { $score } ({ $band })
history-yes = да
history-no = не
history-account-state-active = активен
history-account-state-disabled = деактивиран
history-act-action-returned = Върнат за ново обсъждане
history-act-action-contested-in-court = Оспорен пред съда
history-forwarded-value = { $to }, изх. № { $number }, { $date }
history-personal-data-destroyed = унищожени
