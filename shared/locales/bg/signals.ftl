# Bulgarian: the officers' signal register, intake, a signal's detail and steps, analysis and statistics.
# Every id starts with "signals-"; shared/src/i18n.rs says how the catalogue works.


## Shared by the signals' pages.
signals-register-title = Регистър на сигналите
signals-choose = Изберете…
signals-status = Състояние
signals-received = Получен
signals-channel = Канал
signals-category = Вид
signals-regime = Режим
signals-unit = Звено
signals-activity = Дейност
signals-assigned-to = Отговорник
signals-acknowledgment = Потвърждение
signals-feedback = Обратна информация
signals-anonymous = анонимен
signals-what = Какво
signals-where = Къде
signals-when = Кога
signals-description = Описание
signals-date = Дата
signals-save = Запиши
signals-message-to-reporter = Съобщение до подателя
signals-related-risks = Свързани корупционни рискове
signals-from-the-list = От списъка на институцията.
signals-uin-value = УИН { $uin }
signals-on-date = { $date } г.
signals-closed-on = { $date } г., { $outcome }
signals-error-too-large = { $files ->
    [one] Сигналът е твърде голям: приложенията могат да са до { $files } файл, всеки до { $megabytes } MB.
   *[other] Сигналът е твърде голям: приложенията могат да са до { $files } файла, всеки до { $megabytes } MB.
}
signals-error-too-many-attempts = Твърде много опити от вашия адрес. Изчакайте няколко минути и опитайте отново.
signals-clock-due = до { $date }
signals-clock-done = , изпълнено на { $date }

## The reporter's part of a signal form (the officer's intake and the public form).
signals-draft-name-missing = Посочете името си или изберете анонимен сигнал.
signals-draft-what-missing = Опишете какво се е случило.
signals-draft-category-missing = Изберете вид на нарушението.
signals-draft-who = Кой подава сигнала
signals-draft-anonymous = Анонимно — без име и данни за връзка
signals-draft-named = С име и данни за връзка
signals-draft-name = Име и фамилия
signals-draft-contact = Как да се свържем с вас (по желание)
signals-draft-contact-help = Адрес, електронна поща или телефон.
signals-draft-what-happened = Какво се е случило
signals-draft-when-help = Дата или период, доколкото ги знаете.
signals-draft-category = Вид на нарушението
signals-draft-unit = Звено (по желание)
signals-draft-unit-help = От списъка на институцията. Ако нищо не подхожда, оставете „не е посочено“ и го опишете в описанието.
signals-draft-activity = Дейност (по желание)
signals-draft-activity-help = Например „обществени поръчки“, ако е в списъка.
signals-draft-concerned = Засегнато лице (по желание)
signals-draft-concerned-help = Името и длъжността се пазят запечатани, както вашите.
signals-draft-not-specified = Не е посочено

## The register of signals.
signals-register-lead = Сигналите до вашата институция. Регистърът не е публичен: виждат го само служителите, определени да приемат сигнали. Самоличността на подателя и на засегнатото лице се отваря поотделно и всяко отваряне се записва.
signals-register-new = Нов сигнал (по поща, телефон, лично)
signals-register-analysis = Анализ: къде се съсредоточават сигналите
signals-register-csv = Регистърът в CSV
signals-register-all = Всички
signals-register-due = Срокове
signals-register-overdue = С просрочен срок
signals-register-due-soon = Със срок, който изтича скоро
signals-register-after-acknowledgment = след потвърждението
signals-register-empty = Няма сигнали с тези условия.
signals-register-caption = Сигнали: { $count }
signals-register-number = Номер
signals-register-category-regime = Вид и режим
signals-register-acknowledgment-term = (7 дни)
signals-register-feedback-term = (3 месеца)

## The dashboard's signals with deadlines.
signals-due-heading = Сигнали със срок
signals-due-none = Няма сигнали с просрочен или наближаващ срок.

## The analysis of signals.
signals-analysis-title = Анализ на сигналите
signals-analysis-heading = Къде се съсредоточават сигналите
signals-analysis-lead = Сигналите до вашата институция по звено, дейност и вид, по тримесечия (мярка IV.3): за да се насочат мерките натам, където рискът е най-голям. Броят е точен; извън институцията се вижда само
signals-analysis-lead-link = обобщената статистика
signals-analysis-empty = Все още няма сигнали.
signals-analysis-by-unit = По звено
signals-analysis-by-activity = По дейност
signals-analysis-by-category = По вид
signals-analysis-total = Общо
signals-analysis-no-data = Няма данни.

## A new signal, recorded by an officer.
signals-intake-title = Нов сигнал
signals-intake-files-reading = Изчакайте файловете да се прочетат.
signals-intake-channel-missing = Изберете как е получен сигналът.
signals-intake-received-what = датата на получаване
signals-intake-received-future = Датата на получаване не може да е в бъдещето.
signals-intake-oral-unconfirmed = Устният сигнал се записва след като подателят потвърди записа. Отбележете потвърждението.
signals-intake-lead = Запишете сигнал, получен по електронна поща, телефон, поща или лично. Сигналите от онлайн формуляра влизат в регистъра сами. Самоличността, описанието и приложенията се съхраняват криптирани.
signals-intake-channel = Как е получен
signals-intake-received = Дата на получаване
signals-intake-confirmed = Подателят потвърди записа на устния сигнал
signals-intake-submit = Запиши сигнала

## A signal's case.
signals-case-title = Сигнал
signals-case-heading = Сигнал { $reference }
signals-case-date-what = дата
signals-case-bad-address = Адресът не съдържа валиден номер на сигнал.
signals-case-reloaded = Сигналът по-горе е презареден; въведеното във формуляра е запазено.
signals-case-steps = Действия по сигнала
signals-case-closed-notice = Сигналът е приключен: по него не се вписват нови действия.
signals-case-action-title = Действие по проверката
signals-case-action-label = Какво е направено
signals-case-action-saved = Действието е записано.
signals-case-feedback-title = Обратна информация към подателя
signals-case-feedback-label = Обратна информация (подателят я чете с кода си)
signals-case-feedback-saved = Обратната информация е записана.
signals-case-message-label = Съобщение (подателят го чете с кода си)
signals-case-message-saved = Съобщението е изпратено.
signals-case-oral-confirmed = (записът е потвърден от подателя)
signals-case-oral-unconfirmed = (записът не е потвърден от подателя)
signals-case-feedback-pending = тече след потвърждението
signals-case-key-destroyed = Срокът за съхранение е изтекъл и ключът на сигнала е унищожен: описанието, самоличността и приложенията вече не могат да бъдат прочетени.
signals-case-no-attachments = Няма приложения.
signals-case-attachment-name = Приложение { $number }
signals-case-related-signals = Свързани сигнали
signals-case-trail = История на сигнала
signals-case-uin = УИН
signals-case-reporter = Подател
signals-case-reporter-sealed = посочен (запечатан)
signals-case-reporter-none = не е посочен
signals-case-forwarded-to = Препратен до
signals-case-closed = Приключен
signals-case-retention = Личните данни се пазят до
signals-case-attachments = Приложения
signals-case-history = История

## A signal's sealed identities.
signals-identity-heading = Самоличност
signals-identity-contact = Връзка
signals-identity-concerned = Засегнато лице
signals-identity-concerned-none = не е посочено
signals-identity-hide = Скрий
signals-identity-none = Няма запечатани лични данни за отваряне.
signals-identity-sealed = Името и връзката с подателя и засегнатото лице са запечатани.
signals-identity-ask = Покажи самоличността
signals-identity-warning = Отварянето на самоличността се записва в дневника. Отваряйте я само когато проверката го изисква.
signals-identity-open = Покажи и запиши
signals-identity-cancel = Откажи

## A signal's steps.
signals-ack-default-message = Потвърждаваме, че получихме сигнала ви. Ще ви уведомим за предприетите действия.
signals-ack-saved = Получаването е потвърдено.
signals-ack-title = Потвърждаване на получаването
signals-ack-submit = Потвърди получаването
signals-ack-date = Дата на потвърждението
signals-ack-uin = УИН от КЗЛД (по желание)
signals-ack-uin-help = За сигнали по Закона за защита на лицата, подаващи сигнали: номерът, издаден от Комисията за защита на личните данни.
signals-assign-missing = Изберете служител от институцията.
signals-assign-saved = Отговорникът е записан.
signals-assign-title = Отговорен служител
signals-assign-submit = Възложи
signals-assign-to = Служител по сигналите
signals-classify-regime-missing = Изберете режим.
signals-classify-category-missing = Изберете вид.
signals-classify-saved = Класификацията е записана.
signals-classify-title = Класифициране
signals-note-text-missing = Напишете текста.
signals-forward-missing = Посочете органа и изходящия номер.
signals-forward-saved = Препращането е записано.
signals-forward-title = Препращане по компетентност
signals-forward-to = До (орган)
signals-forward-number = Изходящ номер
signals-close-outcome-missing = Изберете резултата.
signals-close-reason-missing = Посочете мотивите.
signals-close-saved = Сигналът е приключен.
signals-close-title = Приключване
signals-close-submit = Приключи сигнала
signals-close-outcome = Резултат
signals-close-reason = Мотиви
signals-close-retention-help = Срокът за съхранение на личните данни (5 години) тече от датата на приключване.
signals-link-missing = Въведете номера на свързания сигнал.
signals-link-saved = Връзката е записана.
signals-link-title = Свързан сигнал
signals-link-submit = Свържи
signals-link-reference = Номер на свързания сигнал
signals-risks-saved = Рисковете са свързани.
signals-risks-none = В регистъра на институцията няма открити рискове за последните години.
signals-risks-submit = Запиши рисковете
signals-risks-legend = Рискове от регистъра на институцията, за които говори сигналът
signals-risks-help = Рискът показва колко сигнала се отнасят до него: точния брой виждат само служителите на институцията.
