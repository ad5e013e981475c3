# Bulgarian: the institutions' work: dashboard, activities, the plan, progress reports, contacts, the region view, reminders.
# Every id starts with "work-"; shared/src/i18n.rs says how the catalogue works.


## Dashboard
work-dashboard-title = Табло
work-dashboard-progress-heading = Изпълнение по мерки
work-dashboard-no-plan-not-adopted = Областта все още няма приет план за действие. Щом областната администрация го приеме, тук ще се вижда изпълнението по мерките му.
work-dashboard-no-plan-national = Институцията ви не е в област и не отчита изпълнение на план за действие: всяка област има свой план.
work-dashboard-no-plan-see-region = Изпълнението на плановете по области е в
work-dashboard-no-plan-region-link = Областния изглед
work-dashboard-no-plan-see-progress = Изпълнението на плановете по области е на страницата
work-dashboard-no-plan-progress-link = „Изпълнение на плана“
work-dashboard-tenant-plan = { $tenant }, план за { $year } г.
work-dashboard-levels-label = Мерки по степен на изпълнение
work-dashboard-overdue-summary = Просрочени: { $overdue }. С наближаващ срок (30 дни): { $due_soon }. Преценено към { $date } г.
work-dashboard-overdue-heading = Просрочени мерки
work-dashboard-overdue-none = Няма просрочени мерки.
work-dashboard-due-soon-heading = Срок през следващите 30 дни
work-dashboard-due-soon-none = Няма мерки с наближаващ срок.
work-dashboard-row-deadline = Срок: { $deadline }; { $level }
work-dashboard-sections-heading = По раздели на плана
work-dashboard-sections-caption = { $tenant }: мерки по раздели, { $year } г.
work-dashboard-activities-heading = Дейности през { $year } г.
work-dashboard-all-activities = Всички дейности
work-dashboard-latest-heading = Последни промени
work-dashboard-latest-none = Все още няма промени.
work-dashboard-kinds-caption = Дейности по вид, { $year } г.
work-dashboard-kinds-kind = Вид
work-dashboard-kinds-kind-csv = Вид дейност
work-dashboard-kinds-chart = Графика
work-dashboard-kinds-count = Брой
work-dashboard-risks-heading = Корупционни рискове, { $year } г.
work-dashboard-risks-none = Няма вписани рискове в регистъра за { $year } г.
work-dashboard-risks-link = Към регистъра на рисковете
work-dashboard-risks-overdue = Просрочен преглед: { $count ->
        [one] { $count } риск
       *[other] { $count } риска
    }.
work-dashboard-risks-open = Отворени: { $count ->
        [one] { $count } риск
       *[other] { $count } риска
    }; с висок остатъчен риск: { $high }, среден: { $medium }, нисък: { $low }.
work-dashboard-risks-unassessed = Неоценени: { $unassessed }; оценени, без мерки: { $untreated }.
work-dashboard-risks-closed = Закрити: { $closed }.

## Dashboard: the progress table and its report form
work-progress-column-measure = Мярка
work-progress-column-number = №
work-progress-column-text = Текст
work-progress-column-deadline = Срок
work-progress-column-level = Степен
work-progress-column-note = Бележка
work-progress-column-evidence = Доказателства
work-progress-column-reported-for = Към дата
work-progress-column-reported-by = Отчел
work-progress-column-overdue = Просрочена
work-progress-column-notes = Бележка и доказателства
work-progress-column-report = Отчет
work-progress-yes = да
work-progress-no = не
work-progress-hint-report = Изберете „Докладвай“ при мярка, за да отчетете напредъка ѝ.
work-progress-read-only = Само за преглед.
work-progress-caption = Изпълнение по мерки, { $year } г.
work-progress-files = Файлове
work-progress-remove-file = Премахни „{ $name }“
work-progress-reloaded = Редът е презареден с последния отчет; прегледайте го и изпратете своя отново, ако е нужно.
work-progress-measure-gone = Мярката вече не е в плана.
work-progress-date-field = датата
work-progress-level-missing = Изберете степен на изпълнение.
work-progress-files-uploading = Изчакайте файловете да се качат.
work-progress-reported = Към { $date } г., отчел { $by } (версия { $version })
work-progress-report = Докладвай
work-progress-saved = Отчетът е записан.
work-progress-evidence-label = Доказателства (по едно на ред: адрес или документ с номер и дата)
work-progress-save = Запази
work-progress-cancel = Откажи
work-progress-overdue-badge = просрочена
work-progress-due-soon-badge = наближава
work-progress-history = История

## Activities
work-activities-title = Дейности
work-activities-lead = Заседания и срещи, обучения, медийни изяви и кампании, проверки на декларации и оспорени актове, всяка свързана с мерките от плана, които изпълнява. Грешка се поправя с нов запис с причина; старият остава в одитната следа.
work-activities-column-date = Дата
work-activities-column-tenant = Институция
work-activities-column-kind = Вид
work-activities-column-description = Описание
work-activities-column-measures = Мерки
work-activities-column-recorded = Записано
work-activities-column-actions = Действия
work-activities-filter-kind = Вид
work-activities-all-kinds = Всички видове
work-activities-count = { $count ->
        [one] { $count } запис
       *[other] { $count } записа
    }
work-activities-caption = Дейности, най-новите първи
work-activities-none = Няма записани дейности за избраните филтри.
work-activities-details = Подробности
work-activities-corrections = Поправки и развитие: { $count }
work-activities-history = История на записа
work-activities-correct = Поправи
work-activities-follow-up = Развитие
work-activities-files = Файлове
work-activities-file-attached = „{ $name }“ е прикачен.
work-activities-files-heading = Прикачени документи
work-activities-close = Затвори

## Activities: the fields of an activity
work-activities-choose-municipality = Изберете община
work-activities-field-optional = { $label } (по избор)
work-activities-publish = Публикувай протокола и решенията на публичната страница „Заседания“
work-activities-no-plan = Няма план за { $year } г.: дейността ще бъде записана без мерки.
work-activities-date-first = Въведете дата, за да изберете мерки от плана за годината ѝ.
work-activities-measures-of-year = Мерки от плана за { $year } г., които дейността изпълнява
work-activities-measures = Мерки от плана, които дейността изпълнява

## Activities: recording, correcting, following up
work-activities-reloaded = Дейността е презаредена с последните данни; въведеното във формуляра е запазено.
work-activities-gone = Дейността вече не е в списъка.
work-activities-recorded = Записано: { $kind }.
work-activities-new = Нова дейност
work-activities-kind = Вид дейност
work-activities-record = Запиши
work-activities-reason-missing = Посочете причината за поправката.
work-activities-corrected = Поправката е записана; предишният запис остава в одитната следа.
work-activities-correction-heading = Поправка: { $kind }
work-activities-correction-reason = Причина за поправката
work-activities-correction-submit = Запиши поправката
work-activities-published-date-field = датата на публикуване
work-activities-follow-up-empty = Попълнете поне едно поле.
work-activities-followed-up = Развитието по акта е записано.
work-activities-follow-up-heading = Развитие по оспорения акт
work-activities-follow-up-hint = Празните полета запазват досегашната си стойност.
work-activities-follow-up-revote = Ново гласуване в общинския съвет
work-activities-follow-up-case = Съдебно дело №
work-activities-follow-up-published = Публикуван на сайта на
work-activities-follow-up-outcome = Изход от делото
work-activities-follow-up-submit = Запиши

## Plan
work-plan-title = План за действие
work-plan-lead = Мерките на Областния обществен съвет за превенция и противодействие на корупцията с техните срокове, отговорници, индикатори и очаквани резултати.
work-plan-first-note = Вашата област все още няма план за действие. Той може да започне като копие на плана на друга област: вижте „Първи план на областта“ под таблицата.
work-plan-column-section = Раздел
work-plan-column-number = №
work-plan-column-measure = Мярка
work-plan-column-deadline = Срок
work-plan-column-responsible = Отговорник
work-plan-column-indicator = Индикатор за оценка на изпълнението
work-plan-column-result = Резултат
work-plan-column-withdrawn = Оттеглена
work-plan-column-changes = Промени
work-plan-summary = { $measures ->
        [one] { $measures } мярка
       *[other] { $measures } мерки
    } в { $sections ->
        [one] { $sections } раздел
       *[other] { $sections } раздела
    }.
work-plan-annual-report = Годишен отчет за печат
work-plan-caption = План за { $year } г.
work-plan-edit = Промени
work-plan-withdraw = Оттегли
work-plan-withdrawn-note = Оттеглена: { $reason }

## Plan: a measure's form as typed and checked
work-plan-month-invalid = „{ $text }“ не е месец. Пример: 2017-12.
work-plan-required = Попълнете „{ $field }“.
work-plan-field-indicator = Индикатор
work-plan-months-reversed = Крайният месец е преди началния.
work-plan-responsible-missing = Посочете поне един отговорник.
work-plan-no-changes = Няма промени за записване.

## Plan: changing, withdrawing and adding measures, starting a plan
work-plan-reloaded = Мярката е презаредена с последните промени; въведеното във формуляра е запазено.
work-plan-measure-gone = Мярката вече не е в плана.
work-plan-form-deadline-from = Срок (месец)
work-plan-form-deadline-to = До месец (за срок, който е период; иначе празно)
work-plan-form-responsible = Отговорник (по една длъжност на ред)
work-plan-measure-changed = Мярка { $key } е променена.
work-plan-edit-heading = Промяна на мярка { $key }
work-plan-edit-submit = Запази промените
work-plan-withdraw-reason-missing = Посочете причината за оттеглянето.
work-plan-measure-withdrawn = Мярка { $key } е оттеглена.
work-plan-withdraw-heading = Оттегляне на мярка { $key }
work-plan-withdraw-hint = Мярката остава в историята на плана, отбелязана като оттеглена.
work-plan-withdraw-reason = Причина
work-plan-withdraw-submit = Оттегли мярката
work-plan-measure-added = Мярката „{ $section } { $number }“ е добавена.
work-plan-add-heading = Нова мярка в плана за { $year } г.
work-plan-add-number = № (както ще се изписва, напр. „4.“)
work-plan-add-submit = Добави мярката
work-plan-year-invalid = Въведете година, напр. { $example }.
work-plan-year-after = Годината трябва да е след { $year }.
work-plan-year-from = Годината трябва да е { $year } или по-късна.
work-plan-start-heading = План за следваща година
work-plan-start-hint = Новият план започва като копие на мерките в сила от плана за { $year } г., със срокове, преместени със съответния брой години.
work-plan-start-year = Година
work-plan-start-submit = Започни плана
work-plan-template-missing = Изберете областта, чийто план да послужи за образец.
work-plan-first-heading = Първи план на областта
work-plan-first-hint = Планът на областта ви започва като копие на мерките в сила от плана на избраната област за { $year } г., със срокове, преместени със съответния брой години. После го променяте като свой.
work-plan-template = План за образец ({ $year } г.)
work-plan-first-year = Година на плана

## Contacts
work-contacts-title = Контакти на експертите
work-contacts-heading = Контакти на експертите по противодействие на корупцията
work-contacts-lead = Хората във вашата институция, към които гражданите и другите институции се обръщат по въпроси на противодействието на корупцията (мярка II.3). Списъкът е публичен: показва се на страницата
work-contacts-council-link = „Съвет“
work-contacts-lead-official = Посочвайте само служебни телефони и адреси.
work-contacts-missing = Институцията ви липсва в списъка с контакти.
work-contacts-row-incomplete = Ред { $row }: попълнете име, длъжност, телефон и електронна поща.
work-contacts-row-email = Ред { $row }: „{ $email }“ не е адрес на електронна поща.
work-contacts-too-many = Списъкът може да съдържа до { $count ->
        [one] { $count } човек
       *[other] { $count } души
    }.
work-contacts-saved = Списъкът е записан ({ $count ->
        [one] { $count } човек
       *[other] { $count } души
    }).
work-contacts-updated = Последна промяна:
work-contacts-never = Списъкът още не е попълван.
work-contacts-name = Име и фамилия
work-contacts-position = Длъжност
work-contacts-phone = Телефон
work-contacts-email = Електронна поща
work-contacts-remove = Премахни
work-contacts-add = Добави човек
work-contacts-save = Запази списъка

## Regional view
work-region-title = Областен изглед
work-region-lead = Всички институции една до друга: степента на изпълнение на всяка мярка, просрочените мерки, дейностите и кои институции още не са отчели нищо.
work-region-reported = Отчели поне една мярка
work-region-reported-of = { $reported } от { $total }
work-region-overdue = Просрочени мерки (общо)
work-region-activities = Дейности през { $year } г.
work-region-assessed-on = Просрочието се преценява към
work-region-date = { $date } г.
work-region-annual-report = Годишен отчет за печат
work-region-risks-link = Корупционни рискове по институции
work-region-tenants-heading = По институции: степен, просрочени мерки и дейности
work-region-sections-heading = По раздели на плана
work-region-sections-caption = Изпълнение по раздели, всички институции, { $year } г.
