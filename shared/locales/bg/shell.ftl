# Bulgarian: the page shell: header, navigation, footer, session, shared components and forms.
# Every id starts with "shell-"; shared/src/i18n.rs says how the catalogue works.

## The header and footer.
shell-brand = Антикор
shell-subtitle = Превенция и противодействие на корупцията
shell-subtitle-country = Обществени съвети за превенция и противодействие на корупцията
shell-subtitle-province = Областен обществен съвет за превенция и противодействие на корупцията — { $province }
shell-skip-to-main = Към основното съдържание
shell-footer = Антикор { $version } · { $served } Всяка промяна се записва в неизменяема, верижно хеширана одитна следа.
shell-language-switch = Смяна на езика: английски
shell-login = Вход
shell-logout = Изход
shell-change-password = Смяна на парола

## The navigation.
shell-nav-label = Основна навигация
shell-nav-menu = Меню
shell-nav-public = Публична информация
shell-nav-work = Работа
shell-nav-admin = Контрол и администриране
shell-nav-home = Начало
shell-nav-plan = План
shell-nav-progress = Изпълнение
shell-nav-meetings = Заседания
shell-nav-contested-acts = Оспорени актове
shell-nav-council = Съвет
shell-nav-report-corruption = Подай сигнал
shell-nav-signal-statistics = Статистика на сигналите
shell-nav-tenants = Институции
shell-nav-dashboard = Табло
shell-nav-activities = Дейности
shell-nav-risks = Рискове
shell-nav-signals = Сигнали
shell-nav-survey = Анкета
shell-nav-region = Областен изглед
shell-nav-audit = Одитна следа
shell-nav-accounts = Профили

## Page title, loading and errors (components).
shell-document-title = { $page } — Антикор
shell-loading = Зареждане…
shell-unexpected-error = Неочаквана грешка: { $error }
shell-retry = Зареди отново
shell-copied = Копирано.

## Forms: buttons, conflicts, dates and times.
shell-cancel = Откажи
shell-reload-page = Презаредете страницата.
shell-date-format = дд.мм.гггг
shell-time-format = чч:мм
shell-typed-as = Във вида { $format }
# $what: what the field asks for, e.g. "датата на получаване".
shell-date-error = Въведете { $what } във вида { shell-date-format }, например 15.12.2017.

## Tables: the CSV export.
shell-csv-download = Изтегли CSV
shell-csv-not-saved = Файлът не можа да бъде създаден в този браузър.
shell-csv-not-built = Файлът не можа да бъде съставен: { $error }

## Evidence files: the upload picker.
shell-file-attach = Прикачете файл…
shell-file-upload-help = PDF, изображение или офис документ, до { $megabytes } MB; до { $count ->
    [one] { $count } файл
   *[other] { $count } файла
} наведнъж.
shell-files-too-many = Изберете до { $count ->
    [one] { $count } файл
   *[other] { $count } файла
} наведнъж.
shell-file-uploading = Файлът се качва…
shell-file-empty = „{ $name }“ е празен.
shell-file-too-large = „{ $name }“ е по-голям от { $megabytes } MB.
shell-file-not-uploaded = „{ $name }“: { $error }

## The browser's check that an event is in the signed log.
shell-proof-missing-key = Браузърът не получи ключа за проверка на дневника: { $reason }
shell-proof-missing-checkpoint = Браузърът не получи подписана контролна точка: { $reason }
shell-proof-missing-proof = Браузърът не получи доказателство, че събитието е в дневника: { $reason }
shell-proof-key = Ключът за проверка, даден от сървъра, не е Ed25519 ключ на дневник.
shell-proof-checkpoint = Контролната точка не премина проверката на подписа: { $reason }
shell-proof-checkpoint-malformed = текстът не е подписана контролна точка.
shell-proof-checkpoint-signature = не е подписана с ключа на дневника { $name } ({ $fingerprint }).
shell-proof-checkpoint-origin = тя е за дневника „{ $found }“, а не за „{ $expected }“.
shell-proof-older-checkpoint = Контролната точка обхваща { $size ->
    [one] { $size } събитие
   *[other] { $size } събития
} и е по-стара от събитие № { $position }; опитайте отново след малко.
shell-proof-leaf = Показаното събитие не може да бъде представено като запис на дневника.
shell-proof-wrong-proof = Доказателството на сървъра е за събитие № { $proof_position } в дневник с размер { $proof_size }, а не за № { $position } в дневник с размер { $size }.
shell-proof-malformed = Доказателството на сървъра не е във валиден вид.
shell-proof-leaf-mismatch = Показаното събитие не съвпада със записаното в дневника: хешът на записа, изчислен в браузъра, се различава от този в доказателството.
shell-proof-not-included = Доказателството не води до корена на контролната точка: събитие № { $position } не е доказано в дневника с размер { $size }.
shell-proof-verified = Проверено: събитието е в дневника с размер { $size }, подписан от { $origin } ({ $fingerprint }).

## The API client's errors.
shell-api-network = Сървърът не отговаря. Опитайте отново.
shell-api-unexpected = Сървърът върна неочакван отговор (HTTP { $status }).
shell-api-request-not-built = Заявката не може да бъде съставена.
shell-api-session-ended = Сесията е приключила. Влезте отново.

## Passwords.
shell-password-mismatch = Новата парола и потвърждението ѝ не съвпадат.

## Completion levels: the charts and their legend.
shell-level-none = Няма отчет
shell-level-short-none = Без отчет
shell-level-short-not-started = Незапоч.
shell-level-short-limited = Огранич.
shell-level-short-substantial = Съществ.
shell-level-short-completed = Изпълн.
shell-legend-label = Легенда на цветовете

## A view's choices: year, institution, province, and the moment shown.
shell-invalid-address-tenant = Адресът съдържа невалидна институция.
shell-invalid-address-year = Адресът съдържа невалидна година.
shell-invalid-address-as-of = Адресът съдържа невалидна дата, момент или номер на събитие.
shell-invalid-address-province = Адресът съдържа невалидна област.
shell-no-plan-yet = Все още няма приет план.
# $year: a year, written without digit groups.
shell-year = { $year } г.
shell-year-label = Година
shell-all-years = Всички години
shell-tenant-label = Институция
shell-all-tenants = Всички институции
shell-province-label = Област
shell-whole-country = Цялата страна
shell-province-placeholder = — област —
shell-province-choose = Изберете област.
shell-as-of-day-end = края на { $date } г.
shell-as-of-instant = { $time } ч.
shell-as-of-event = събитие № { $position }
shell-as-of-date = Към дата
shell-as-of-time = Час (по часа в София)
shell-as-of-event-label = или събитие №
shell-as-of-show = Покажи
shell-as-of-today = Днес
shell-as-of-help = Състоянието в края на избрания ден, или в избрания час (по часа в София), или точно след събитие от дневника — възстановено от дневника.
shell-as-of-event-invalid = Номерът на събитие е цяло положително число.
shell-as-of-time-without-date = Изберете и дата за часа.
shell-as-of-date-invalid = Въведете дата във вида { shell-date-format }, например 15.12.2017.
shell-as-of-date-future = Изберете днешна или минала дата.
shell-as-of-time-invalid = Въведете час във вида { shell-time-format }, например 14:30.
shell-as-of-instant-future = Изберете минал момент.
shell-as-of-banner-title = Преглед към минал момент.
shell-as-of-banner-shown = Показано е състоянието към { $moment } (час на София)
shell-as-of-banner-position = , до събитие № { $position } от дневника
shell-as-of-banner-later = . По-късните промени не са включени.
shell-as-of-banner-now = Към текущото състояние

## Who made an event, and whom the site serves.
shell-actor-reporter = подателят на сигнала
shell-actor-system = Антикор (автоматично)
shell-province-coverage = област { $province }
shell-served-by-province = Областна администрация { $province } и общините в областта
shell-served-by-country = областните администрации и общините

## Paged lists.
shell-paging-shown = Показани { $shown } от { $total }
shell-paging-more = Покажи още
shell-paging-not-readable = Списъкът не може да бъде прочетен с тези условия.

## The session: expiry, pages that need a login, pages a role may not open.
shell-session-expired = Сесията ви изтече. Влезте отново.
shell-session-logged-out = Излязохте от профила си.
shell-login-required = Тази страница е достъпна след вход в системата.
shell-forbidden-title = Нямате достъп
shell-forbidden-heading = Нямате достъп до тази страница
shell-forbidden-text = С ролята „{ $role }“ тази страница не е достъпна. Ако смятате, че трябва да имате достъп, обърнете се към администратора на своята институция.
shell-to-home = Към началото

## The page not found.
shell-not-found-title = Страницата не е намерена
shell-not-found-text = Адресът, който отворихте, не съществува в Антикор. Проверете го или продължете оттук:
shell-page-not-loaded-title = Страницата не се зареди
shell-page-not-loaded-text = Частта от Антикор за тази страница не пристигна: връзката прекъсна или Антикор беше обновен междувременно. Презаредете страницата.
shell-reload = Презареди страницата

## The login page.
shell-login-missing = Въведете потребителско име и парола.
shell-login-to-open-page = Влезте, за да отворите поисканата страница.
shell-login-username = Потребителско име
shell-login-password = Парола
shell-login-busy = Влизане…

## The password page.
shell-password-current-missing = Въведете сегашната си парола.
shell-password-same = Новата парола трябва да е различна от сегашната.
shell-password-changed = Паролата е сменена. Сесиите ви на други устройства са прекратени.
shell-password-hint = Между { $min } и { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}. Изберете дълга фраза, която не използвате другаде; често срещани пароли се отказват.
shell-password-current = Сегашна парола
shell-password-new = Нова парола
shell-password-confirm = Новата парола още веднъж
shell-password-submit = Смени паролата

## Reminders: the bell in the header and the page.
shell-reminders-title = Напомняния
shell-reminders-bell-none = Няма напомняния
shell-reminders-bell = { $count ->
    [one] { $count } напомняне
   *[other] { $count } напомняния
}
shell-reminders-bell-overdue = { $count ->
    [one] { $count } напомняне, просрочено
   *[other] { $count } напомняния, { $overdue } от тях просрочени
}
shell-reminder-overdue = просрочено, срокът беше { $date }
shell-reminder-due = до { $date }
shell-reminders-empty = Нищо не чака действие от вас.
shell-reminders-first = Показани са първите { $shown } от { $total }.
shell-reminders-intro = Сигнали за потвърждение (от 2 дни преди края на 7-дневния срок) и за обратна информация (от 14 дни преди края на 3-месечния срок), мерки от плана с краен срок до 30 дни или изтекъл, върнати актове, които съветът трябва да обсъди отново, рискове за преглед (от 14 дни преди датата на прегледа) и анкетата за служителите в последните ѝ 7 дни.
shell-email-missing = Въведете адрес на електронна поща.
shell-email-invalid = „{ $email }“ не е адрес на електронна поща.
shell-email-saved = Изборът е записан.
shell-email-heading = Известия по електронна поща
shell-email-intro = Писмата казват само колко неща чакат и водят тук: никога съдържание на сигнал.
shell-email-not-configured = Сървърът още няма пощенски сървър за изпращане: изборът ви ще важи, щом администраторът го настрои.
shell-email-address = Адрес
shell-email-how-often = Колко често
shell-email-submit = Запиши

## Event types, as the audit trail and the records name them.
shell-event-tenant-registered = Регистрирана институция
shell-event-account-created = Създаден профил
shell-event-role-granted = Сменена роля
shell-event-account-disabled = Деактивиран профил
shell-event-account-enabled = Активиран профил
shell-event-password-changed = Сменена парола
shell-event-login-succeeded = Успешен вход
shell-event-login-failed = Неуспешен вход
shell-event-logged-out = Изход
shell-event-notifications-chosen = Избрани известия
shell-event-notification-sent = Изпратено известие
shell-event-plan-adopted = Приет план
shell-event-measure-added = Добавена мярка
shell-event-measure-updated = Променена мярка
shell-event-measure-withdrawn = Оттеглена мярка
shell-event-progress-reported = Отчет по мярка
shell-event-meeting-held = Проведено заседание или среща
shell-event-training-held = Проведено обучение
shell-event-media-activity-carried-out = Медийна изява или кампания
shell-event-declarations-checked = Проверка на декларации
shell-event-act-contested = Оспорен акт
shell-event-contested-act-followed-up = Развитие по оспорен акт
shell-event-activity-corrected = Поправен запис за дейност
shell-event-expert-contacts-updated = Обновени контакти на експерти
shell-event-risk-identified = Вписан риск
shell-event-risk-assessed = Оценен риск
shell-event-risk-treatment-planned = Мерки по риск
shell-event-risk-reviewed = Преглед на риск
shell-event-risk-closed = Закрит риск
shell-event-risk-files-attached = Приложени документи към риск
shell-event-activity-files-attached = Приложени документи към дейност
shell-event-questionnaire-published = Публикувана анкета за служителите
shell-event-survey-opened = Открита анкета за служителите
shell-event-survey-codes-issued = Издадени кодове за анкетата
shell-event-survey-answered = Анонимен отговор на анкетата
shell-event-signal-filed = Получен сигнал
shell-event-signal-acknowledged = Потвърдено получаване на сигнал
shell-event-signal-assigned = Възложен сигнал
shell-event-signal-classified = Класифициран сигнал
shell-event-signal-forwarded = Препратен сигнал
shell-event-signal-followed-up = Действие по сигнал
shell-event-signal-feedback-given = Обратна информация по сигнал
shell-event-signal-message-sent = Съобщение до подател на сигнал
shell-event-signal-reporter-replied = Съобщение от подател на сигнал
shell-event-signal-closed = Приключен сигнал
shell-event-signal-linked = Свързани сигнали
shell-event-signal-risks-linked = Сигнал, свързан с рискове
shell-event-signal-identity-viewed = Отворена самоличност по сигнал
shell-event-signal-key-destroyed = Унищожени лични данни по сигнал
shell-event-internal-channel-recorded = Решение за вътрешен канал
shell-event-intake-lists-set = Списъци на звена и дейности за сигнали
shell-event-log-key-adopted = Нов ключ за подписване на дневника
shell-event-vault-key-rotated = Сменен главен ключ на хранилището
