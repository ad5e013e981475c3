# Bulgarian: labels of the domain's values (roles, categories, levels, kinds).
# Every id starts with "labels-"; shared/src/i18n.rs says how the catalogue works.

## Role
labels-role-officer = Служител
labels-role-tenant-admin = Администратор на институцията
labels-role-regional = Секретариат на съвета
labels-role-regional-admin = Администратор на областната администрация
labels-role-auditor = Одитор
labels-role-national = Национално ниво
labels-role-national-admin = Администратор на национално ниво

## TenantKind
labels-tenant-kind-regional-administration = Областна администрация
labels-tenant-kind-municipality = Община
labels-tenant-kind-territorial-unit = Териториално звено
labels-tenant-kind-national-body = Централен орган

## Channel
labels-channel-web-form = Уеб формуляр
labels-channel-email = Електронна поща
labels-channel-phone = Телефон
labels-channel-post = Поща
labels-channel-in-person = Лично

## Category
labels-category-bribery = Подкуп
labels-category-conflict-of-interest = Конфликт на интереси
labels-category-public-procurement = Обществени поръчки
labels-category-abuse-of-office = Злоупотреба със служебно положение
labels-category-misuse-of-funds = Злоупотреба с публични средства или имущество
labels-category-administrative-services = Административни услуги
labels-category-other = Друго

## Regime
labels-regime-whistleblower = ЗЗЛПСПОИН (защита на подаващите сигнали)
labels-regime-general = Общ сигнал за корупция
labels-regime-outside-competence = Извън компетентността

## Outcome
labels-outcome-substantiated = Основателен
labels-outcome-unsubstantiated = Неоснователен
labels-outcome-forwarded = Препратен по компетентност
labels-outcome-no-proceedings = Без образуване на производство

## SignalStatus
labels-signal-status-received = Получен
labels-signal-status-acknowledged = Потвърдено получаване
labels-signal-status-in-progress = В проверка
labels-signal-status-feedback-given = Дадена обратна информация
labels-signal-status-closed = Приключен

## Clock
labels-clock-running = Тече
labels-clock-due-soon = Изтича скоро
labels-clock-overdue = Просрочено
labels-clock-met = В срок
labels-clock-met-late = Със закъснение

## Cell (a count of the public statistics)
labels-cell-fewer-than-three = < 3
labels-cell-withheld = скрито

## Intake lists (OTHER_OR_UNNAMED)
labels-intake-other-or-unnamed = Друго / непосочено

## CompletionLevel
labels-completion-level-not-started = Незапочната
labels-completion-level-limited = Ограничен напредък
labels-completion-level-substantial = Съществен напредък
labels-completion-level-completed = Изпълнена
labels-completion-level-none = Няма отчет

## ReminderKind
labels-reminder-kind-acknowledge = Потвърждение на сигнал
labels-reminder-kind-feedback = Обратна информация по сигнал
labels-reminder-kind-measure = Мярка от плана
labels-reminder-kind-revote = Върнат акт за ново обсъждане
labels-reminder-kind-risk-review = Преглед на риск
labels-reminder-kind-survey-closing = Анкетата за служителите приключва

## Delivery
labels-delivery-off = Без писма
labels-delivery-digest = Едно писмо на ден
labels-delivery-immediate = Веднага при нов сигнал и едно писмо на ден

## Band
labels-band-low = Нисък
labels-band-medium = Среден
labels-band-high = Висок

## RiskArea
labels-risk-area-procurement = Обществени поръчки
labels-risk-area-construction = Устройство на територията и строителство
labels-risk-area-property = Управление и разпореждане с имущество
labels-risk-area-taxes-and-fees = Местни данъци и такси
labels-risk-area-permits = Разрешения, лицензи и регистрации
labels-risk-area-social-services = Социални услуги и помощи
labels-risk-area-human-resources = Човешки ресурси
labels-risk-area-finance = Бюджет и финансово управление
labels-risk-area-inspections = Контролна дейност
labels-risk-area-services = Административно обслужване
labels-risk-area-other = Друго

## RiskResponse
labels-risk-response-limit = Ограничаване
labels-risk-response-transfer = Прехвърляне
labels-risk-response-accept = Приемане
labels-risk-response-terminate = Прекратяване

## RiskStatus
labels-risk-status-identified = Идентифициран
labels-risk-status-assessed = Оценен
labels-risk-status-treated = С мерки
labels-risk-status-closed = Закрит

## MeetingKind
labels-meeting-kind-council-session = Заседание на съвета
labels-meeting-kind-open-session = Разширено (открито) заседание
labels-meeting-kind-open-doors = Среща „отворени врати“
labels-meeting-kind-joint-session = Съвместно заседание

## ActivityKind (plural, for tables)
labels-activity-kind-meeting = Заседания и срещи
labels-activity-kind-training = Обучения
labels-activity-kind-media = Медийни изяви и кампании
labels-activity-kind-declaration-check = Проверки на декларации
labels-activity-kind-contested-act = Оспорени актове

## ActivityKind (one record)
labels-activity-kind-meeting-one = Заседание или среща
labels-activity-kind-training-one = Обучение
labels-activity-kind-media-one = Медийна изява или кампания
labels-activity-kind-declaration-check-one = Проверка на декларации
labels-activity-kind-contested-act-one = Оспорен акт

## MediaKind
labels-media-kind-appearance = Медийна изява (интервю, изявление, публикация)
labels-media-kind-campaign = Информационна кампания

## ActKind
labels-act-kind-council-decision = Решение на общински съвет
labels-act-kind-mayor-order = Заповед на кмет

## ActAction
labels-act-action-returned = Върнат за ново обсъждане
labels-act-action-contested-in-court = Оспорен пред административния съд

## Field (of an activity's form)
labels-field-date = Дата
labels-field-meeting-kind = Вид на срещата
labels-field-title = Наименование
labels-field-participants = Брой участници
labels-field-organisations = Представени организации (по една на ред)
labels-field-agenda = Дневен ред
labels-field-decisions = Взети решения
labels-field-protocol = Протокол
labels-field-topic = Тема
labels-field-media-kind = Вид
labels-field-channel = Медия или канал
labels-field-summary = Съдържание
labels-field-period-from = Период от
labels-field-period-to = Период до
labels-field-checking-body = Проверяващ орган
labels-field-declarations-checked = Проверени декларации
labels-field-irregularities-found = Установени нарушения
labels-field-referrals = Сигнали към компетентни органи
labels-field-act-kind = Вид акт
labels-field-act-number = Номер на акта
labels-field-act-date = Дата на акта
labels-field-municipality = Община
labels-field-received-on = Получен в областната администрация на
labels-field-action = Действие на областния управител
labels-field-action-on = Дата на действието
labels-field-grounds = Мотиви
labels-field-council-revote = Ново гласуване в общинския съвет
labels-field-court-case = Съдебно дело №
labels-field-court-outcome = Изход от делото
labels-field-published-on = Публикуван на сайта на

## Month (as a plan's deadline names it)
labels-month-january = Януари
labels-month-february = Февруари
labels-month-march = Март
labels-month-april = Април
labels-month-may = Май
labels-month-june = Юни
labels-month-july = Юли
labels-month-august = Август
labels-month-september = Септември
labels-month-october = Октомври
labels-month-november = Ноември
labels-month-december = Декември

## Deadline ($month: a month's name above; $year, $from, $to: texts)
labels-deadline-month = { $month } { $year } г.
labels-deadline-range = { $from } – { $to }

## ChangeKind
labels-change-kind-added = Добавен
labels-change-kind-changed = Променен
labels-change-kind-removed = Премахнат

## AnnualReport ($year: a text; $institution, $province: names)
labels-report-title = Годишен отчет за изпълнението на плана за { $year } г.
labels-report-title-institution = Годишен отчет за изпълнението на плана за { $year } г. — { $institution }
labels-report-issuer = Областен обществен съвет за превенция и противодействие на корупцията — област { $province }

## Record (a stream's record, as people name it; $year, $key, $username: texts)
labels-record-account = Профил { $username }
labels-record-plan = План за { $year }
labels-record-staff-survey = Анкета за служителите за { $year }
labels-record-survey-answers = Отговори на анкетата за { $year }
labels-record-progress = Отчет по мярка { $key } ({ $year })
labels-record-tenant = Регистрация на институцията
labels-record-security = Входове и изходи
labels-record-contacts = Контакти на експертите
labels-record-internal-channel = Вътрешен канал за сигнали
labels-record-intake-lists = Списъци на звената и дейностите за сигнали
labels-record-vault = Ключове на хранилището
labels-record-log-keys = Ключове за подписване на дневника

## Survey answer (the closed answers of a yes/no question)
labels-survey-answer-yes = Да
labels-survey-answer-no = Не
labels-survey-answer-cannot-say = Не мога да преценя
