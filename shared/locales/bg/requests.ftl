# Bulgarian: what the API answers beyond the domain's rules: access, sessions, files, exports, the log.
# Every id starts with "requests-"; shared/src/i18n.rs says how the catalogue works.

## Who may do what, and records out of reach.
requests-role-forbids = Вашата роля не позволява това действие.
requests-no-tenant-named = Няма институция „{ $tenant }“.
requests-no-tenant-in-province = Няма институция „{ $tenant }“ в областта.
requests-no-such-tenant = Няма такава институция.
requests-tenant-not-listed = Няма такава институция в списъка.
requests-choose-tenant = Изберете институция.
requests-no-province-named = Няма област с код „{ $code }“.
requests-register-own-province = Можете да регистрирате общини и териториални звена на област { $province }; областни администрации и централни органи регистрира администраторът на национално ниво.
requests-register-tenants-admins-only = Институции регистрират администраторите на областната администрация и на национално ниво.
requests-signals-officers-only = Регистърът на сигналите е достъпен само за служителите по сигналите на институцията.
requests-whole-log-central-auditors = Дневникът съдържа и институции извън вашата област: копие на целия дневник изтеглят одиторите на централен орган.
requests-whole-log-auditors-only = Копие на целия дневник могат да изтеглят само одиторите.
requests-past-needs-login = Преглед към минал момент изисква вход в системата.
requests-record-busy = Записът се променя в момента от други потребители. Опитайте отново.

## Accounts.
requests-no-such-account = Няма такъв профил.
requests-role-not-yours-to-grant = Не можете да давате ролята „{ $role ->
        [officer] Служител
        [tenant_admin] Администратор на институцията
        [regional] Секретариат на съвета
        [regional_admin] Администратор на областната администрация
        [auditor] Одитор
        [national] Национално ниво
       *[national_admin] Администратор на национално ниво
    }“.
requests-username-invalid = Потребителското име е от 1 до 64 малки латински букви, цифри и . - _ и започва с буква или цифра.
requests-own-role = Не можете да променяте ролята на собствения си профил.
requests-own-disable = Не можете да деактивирате собствения си профил.
requests-own-enable = Не можете да активирате собствения си профил.
requests-own-password = Сменете собствената си парола от страницата „Смяна на парола“.

## Logging in and too many attempts.
requests-username-missing = Въведете потребителско име.
requests-account-disabled = Профилът е деактивиран. Обърнете се към администратора на институцията.
requests-wrong-credentials = Грешно потребителско име или парола.
requests-wrong-current-password = Текущата парола е грешна.
requests-too-many-logins = Твърде много неуспешни опити за вход. Опитайте отново след { $minutes } мин.
requests-too-many-receipt-tries = Твърде много неуспешни опита с този номер или от този адрес. Опитайте отново след { $minutes } мин.
requests-attempts-being-checked = Предишните опити още се проверяват. Опитайте отново след секунда.

## Activities and who recorded them.
requests-no-such-record = Няма такъв запис.
requests-follow-up-of-act = Последващи действия по оспорения акт
requests-antikor = Антикор

## The register of corruption risks.
requests-no-such-risk = Няма такъв риск в регистъра.

## Evidence files.
requests-no-such-file = Няма такъв файл.
requests-uploads-too-many = Качихте много файлове за кратко време. Опитайте отново след малко.
requests-file-name-missing = Посочете името на файла (до 200 знака).
requests-file-name-parameter = Посочете името на файла (name).
requests-file-empty = Файлът „{ $name }“ е празен.
requests-file-too-large = Файлът „{ $name }“ е по-голям от { $megabytes } MB.
requests-file-type = Файлът „{ $name }“ не е PDF, изображение (JPEG, PNG) или документ на Word, Excel, PowerPoint или OpenDocument.
requests-file-not-uploaded = Файлът „{ $name }“ не е качен: качете го отново.

## The event log, its proofs and the audit trail.
requests-bad-moment = „{ $raw }“ не е позиция или момент. Пример: 120 или 2026-11-26T12:00:00Z.
requests-no-event-number = Няма събитие № { $position }.
requests-no-event-at = Няма събитие на позиция { $position }.
requests-log-size = Дневникът има { $events ->
        [one] { $events } събитие
       *[other] { $events } събития
    }; размерът трябва да е от 1 до { $events }.
requests-log-damaged = Дневникът е повреден от позиция { $position } ({ $reason }); контролни точки не се подписват.
requests-mirror-range = „from“ трябва да е от 1 до { $last }, а „limit“ от 1 до 10000.
requests-proof-order = „from“ не може да е по-голямо от „to“.
requests-proof-position = Позицията трябва да е от 1 до { $size }, размера на дневника, за който е доказателството.
requests-before-or-after = Посочете или „before“, или „after“, не и двете.
requests-stream-needs-tenant = Филтър по поток изисква и институция.
requests-actor-too-long = Извършителят е потребителско име: до 64 знака.
requests-period-backwards = Началото на периода е след края му.

## Plans and their progress.
requests-no-plan-yet = Все още няма приет план.
requests-no-plan-for-year = Няма план за { $year } г.
requests-plan-province-ambiguous = Планове имат няколко области: посочете коя (province={ $codes }).
requests-tenant-outside-provinces = Институцията не е в област и не отчита план.
requests-not-regional-administration = Институцията ви не е областна администрация.
requests-year-out-of-range = Годината е извън допустимото.
requests-no-measure = Няма мярка „{ $key }“.

## Notifications and reminders.
requests-email-invalid = „{ $email }“ не е адрес на електронна поща.
requests-email-missing = Въведете адрес на електронна поща, на който да получавате известията.
requests-reminder-signal = Сигнал № { $reference }
requests-reminder-survey = Анкета { $year } г.: { $answers ->
    [one] { $answers } отговор
   *[other] { $answers } отговора
}
requests-reminder-survey-short = Анкета { $year } г.: { $answers ->
    [one] { $answers } отговор
   *[other] { $answers } отговора
}, а резултатите се показват от { $needed }

## Signals: the public form, the reporter's page and the register.
requests-no-such-signal = Няма такъв сигнал в регистъра на институцията.
requests-no-signal-numbered = Няма сигнал с номер „{ $reference }“ в регистъра на институцията.
requests-wrong-receipt-code = Няма сигнал с този номер и код. Проверете ги (кодът е от 20 знака) и опитайте отново.
requests-public-form-too-many = От този адрес са подадени много сигнали за кратко време. Опитайте отново след час или подайте сигнала по пощата или лично.
requests-choose-signal-tenant = Изберете институцията, за която е сигналът.
requests-web-form-is-reporters = Сигналите от уеб формуляра се подават от самия подател.
requests-attachments-too-many = Приложете най-много { $max ->
        [one] { $max } файл
       *[other] { $max } файла
    }.
requests-attachment-garbled = Файлът „{ $name }“ не е изпратен правилно.
requests-no-such-attachment = Няма такъв приложен файл.
requests-date-missing = Посочете дата.
requests-receipt-acknowledged = Получаването на сигнала е потвърдено.
requests-unclassified = Некласифициран
requests-unnamed = (не е посочено)

## Signals: the steps of a signal's history, as its officers read them.
requests-step-filed = Сигналът е получен ({ $channel })
requests-step-acknowledged = Потвърдено получаване на { $date }
requests-step-acknowledged-uin = Потвърдено получаване на { $date }, УИН { $uin }
requests-step-assigned = Възложен на { $officer }
requests-step-classified = Класифициран: { $regime }; { $category }
requests-step-forwarded = Препратен до { $to } с изх. № { $number } от { $date }
requests-step-followed-up = Действие от { $date }
requests-step-feedback = Обратна информация от { $date }
requests-step-message-sent = Съобщение до подателя
requests-step-reporter-replied = Съобщение от подателя
requests-step-closed = Приключен на { $date }: { $outcome }
requests-step-linked = Свързан със сигнал { $reference }
requests-step-risks-linked = Свързан с { $count ->
        [one] { $count } риск
       *[other] { $count } риска
    } от регистъра на рисковете
requests-step-identity-viewed = Отворена самоличност: { $fields }
requests-identity-reporter = подател
requests-identity-concerned = засегнато лице
requests-identity-attachment = приложен файл { $number }
requests-step-key-destroyed = Личните данни са унищожени (срокът за съхранение изтече на { $date })

## The staff survey.
requests-survey-code-invalid = Кодът не е валиден: проверете го и опитайте отново.
requests-survey-code-spent = С този код вече е отговорено: всеки код е за един отговор.
requests-survey-closed = Анкетата е приключила: отговори не се приемат.

## Addresses that are not the API's, and the pages.
requests-no-api-route = Няма такъв адрес в API: { $path }
requests-pages-get-only = Страниците се четат с GET или HEAD.
requests-interface-not-built = Интерфейсът не е построен. Стартирайте сървъра с командата от README.
