# Bulgarian: the domain's refusals: why a command is refused (server/src/domain).
# Every id starts with "rules-"; shared/src/i18n.rs says how the catalogue works.


## The fields people fill in, as the refusals name them: `{ rules-field }` in a message, with
## `field` set to the field's key (`Field::key` in server/src/domain/fields.rs).
rules-field = { $field ->
    [unit] Звено
    [activity] Дейност
    [name] Име
    [contact] Данни за връзка
    [what-happened] Какво се е случило
    [where] Къде
    [when] Кога
    [concerned] Засегнато лице
    [uin] УИН
    [message] Съобщение
    [forwarded-to] До кого
    [outgoing-number] Изходящ номер
    [action] Действие
    [feedback] Обратна информация
    [reasons] Мотиви
    [basis] Основание
    [date] Дата
    [title] Заглавие
    [agenda] Дневен ред
    [topic] Тема
    [media-channel] Медия или канал
    [summary] Съдържание
    [period-end] Край на периода
    [checking-body] Проверяващ орган
    [action-date] Дата на действието
    [act-number] Номер на акта
    [grounds] Мотиви
    [council-revote] Ново гласуване
    [court-case] Съдебно дело
    [court-outcome] Изход от делото
    [published-on] Дата на публикуване
    [correction-reason] Причина за поправката
    [email] Имейл
    [position] Длъжност
    [phone] Телефон
    [file-name] Име на файла
    [process-or-unit] Процес или звено
    [risk-description] Описание на риска
    [causes] Причини
    [review-due] Срок за преглед
    [inherent-risk] Присъщ риск
    [residual-risk] Остатъчен риск
    [controls] Съществуващи контроли
    [acceptance-reason] Обосновка за приемането
    [planned-measures] Планирани мерки
    [measures-due] Срок на мерките
    [review-date] Дата на прегледа
    [findings] Констатации
    [next-review] Следващ преглед
    [close-reason] Причина за закриването
    [link] Връзка
    [document] Документ
    [as-of] Към дата
    [answer-option] Възможен отговор
    [question] Въпрос
    [number] №
    [measure] Мярка
    [indicator] Индикатор
    [result] Резултат
    [reason] Причина
    [responsible] Отговорник
   *[other] { $field }
}

## Texts people type, in every form.
rules-field-empty = Попълнете полето „{ rules-field }“.
rules-field-too-long = Полето „{ rules-field }“ е до { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}.
rules-field-date-in-future = „{ rules-field }“ ({ $date }) е в бъдещето.
rules-files-at-once = Приложете от 1 до { $max ->
    [one] { $max } файл
   *[other] { $max } файла
} наведнъж.

## The plan and its measures.
rules-no-plan-for-year = Няма план за { $year } г.
rules-plan-exists = Планът за { $year } г. вече е приет.
rules-plan-not-later = Новият план трябва да е за година след { $year } г.
rules-no-such-measure = Няма мярка „{ $key }“ в плана.
rules-no-such-section = Няма раздел „{ $section }“ в плана.
rules-measure-withdrawn = Мярка „{ $key }“ е оттеглена и не може да се променя.
rules-measure-changed = Мярка „{ $key }“ е променена междувременно (сега е версия { $actual }, а вие сте чели { $expected }). Заредете я отново.
rules-measure-unchanged = Няма промяна спрямо сегашния текст на мярката.
rules-plan-field-required = Полето „{ rules-field }“ е задължително (до { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}).
rules-deadline-outside-year = Срокът трябва да е в рамките на { $year } г.
rules-measure-not-in-plan = Мярка „{ $key }“ не е в плана за годината (или е оттеглена).
rules-measure-not-in-plan-of-year = Мярка „{ $key }“ не е в плана за { $year } г.

## Activities, contested acts and the expert contacts.
rules-contested-acts-regional = Оспорените актове се вписват от областната администрация.
rules-correction-same-kind = Поправката трябва да е от същия вид дейност.
rules-follow-up-contested-only = Последващи действия се вписват само за оспорени актове.
rules-no-such-record = Няма такъв запис.
rules-record-exists = Записът вече е вписан.
rules-record-changed = Записът е променен междувременно. Заредете го отново и повторете поправката.
rules-meeting-texts-too-long = Решенията са до 20 000 знака, протоколът до 50 000.
rules-participants-count = Посочете броя на участниците.
rules-organisations-at-most = Посочете най-много 200 организации.
rules-period-start-after-end = Началото на периода е след края му.
rules-declaration-counts = Нарушенията и сигналите към компетентни органи не може да са повече от проверените декларации.
rules-no-such-municipality = Няма община „{ $municipality }“.
rules-act-dates-order = Датите трябва да следват реда: акт, получаване, действие.
rules-act-return-limit = Актът може да бъде върнат за ново обсъждане до 7 дни от получаването му (чл. 45, ал. 4 ЗМСМА); по-късно остава оспорването пред съда.
rules-act-court-limit = Областният управител може да оспори акта пред административния съд в { $limit }-дневен срок от получаването му (чл. 32, ал. 2 от Закона за администрацията); { $days ->
    [one] тук е минал { $days } ден
   *[other] тук са минали { $days } дни
}. Ако актът е повторно приет след връщане, срокът тече от получаването на новия акт: опишете го в „Ново гласуване“.
rules-follow-up-empty = Попълнете поне едно поле.
rules-contacts-at-most = Списъкът е до 50 души.
rules-not-an-email = „{ $email }“ не е имейл адрес.

## Progress reports.
rules-evidence-at-most = Посочете най-много 20 доказателства.
rules-not-a-web-address = „{ $url }“ не е уеб адрес (започва с https:// или http://).
rules-report-before-year = Отчетът за плана за { $year } г. не може да е към дата преди началото на годината.
rules-note-too-long = Бележката е до 4000 знака.
rules-progress-changed = Междувременно е подаден друг отчет за мярка „{ $key }“. Прегледайте го и опитайте отново.

## The corruption-risk register.
rules-no-such-risk = Няма такъв риск в регистъра.
rules-risk-closed = Рискът е закрит и не се променя.
rules-risk-exists = Рискът вече е вписан.
rules-risk-changed = Рискът е променен междувременно. Заредете го отново и повторете промяната.
rules-rating-scale = { rules-field }: вероятността и въздействието са от 1 до 5.
rules-date-within-reach = „{ rules-field }“ е между началото на { $from } г. и края на { $to } г.
rules-register-year = Регистърът е за година от 2000 до { $last }.
rules-owner-not-staff = „{ $owner }“ не е служител на институцията: изберете собственика на риска от списъка.
rules-residual-above-inherent = Остатъчният риск (след съществуващите контроли) не може да е по-висок от присъщия.
rules-assess-before-response = Първо оценете риска: отговорът зависи от оценката.
rules-assess-before-review = Първо оценете риска: прегледът преоценява оценката.
rules-next-review-after = Следващият преглед е след датата на този.

## The staff survey: questionnaires, openings, codes and answers.
rules-survey-not-opened = Институцията не е открила анкета за тази година.
rules-survey-code-invalid = Кодът не е валиден: проверете го и опитайте отново.
rules-question-key-form = Ключът на въпрос „{ $key }“ е от малки латински букви, цифри и _ (до 20 знака).
rules-question-key-twice = Въпрос с ключ „{ $key }“ е даден два пъти.
rules-question-options = Въпрос „{ $key }“ има от 2 до { $max ->
    [one] { $max } възможен отговор
   *[other] { $max } различни възможни отговора
}.
rules-questionnaire-size = Анкетата има от 1 до { $max ->
    [one] { $max } въпрос
   *[other] { $max } въпроса
}.
rules-questionnaire-threshold = Резултатите се показват при поне { $min ->
    [one] { $min } отговор
   *[other] { $min } отговора
}: прагът може да се вдига (до 1000), не и да се сваля.
rules-intro-too-long = Въведението е до 2000 знака.
rules-questionnaire-unchanged = Няма промени спрямо версия { $version } на анкетата.
rules-questionnaire-changed = Междувременно е публикувана друга версия на анкетата за { $year } г. Заредете я и опитайте отново.
rules-survey-already-open = Анкетата за { $year } г. вече е открита.
rules-survey-not-published = Областната администрация още не е публикувала анкета за { $year } г.
rules-survey-closing-date = Срокът за отговори е от днес до края на { $year } г.
rules-survey-open-first = Първо открийте анкетата.
rules-survey-ended-codes = Анкетата е приключила: не се издават нови кодове.
rules-codes-per-issue = Наведнъж се издават от 1 до { $max ->
    [one] { $max } код
   *[other] { $max } кода
}.
rules-codes-per-year = За една година се издават най-много { $max ->
    [one] { $max } код
   *[other] { $max } кода
}.
rules-no-such-question = Няма въпрос „{ $key }“.
rules-question-answered-twice = На въпрос „{ $key }“ е отговорено два пъти.
rules-answer-free-text = Отговорът на „{ $question }“ е свободен текст до { $max ->
    [one] { $max } знак
   *[other] { $max } знака
}.
rules-answer-choose-one = Изберете един от отговорите на „{ $question }“.
rules-answer-at-least-one = Отговорете поне на един въпрос.
rules-survey-code-used = С този код вече е отговорено: всеки код е за един отговор.
rules-survey-ended-answers = Анкетата е приключила: отговори не се приемат.

## Registering institutions.
rules-tenant-registered = Институцията „{ $slug }“ вече е регистрирана.
rules-tenant-code-taken = Институция с код „{ $code }“ вече е регистрирана.
rules-administration-registered = Областната администрация на област { $province } вече е регистрирана.
rules-unknown-municipality = В списъка на НСИ няма община с код „{ $code }“.
rules-unknown-province = В списъка на НСИ няма област с код „{ $code }“.
rules-tenant-name-bg-blank = Попълнете името на български (до 200 знака).
rules-tenant-name-en-blank = Попълнете името на английски (до 200 знака).
rules-tenant-code-blank = Попълнете официалния код (до 200 знака).
rules-slug-reserved = Краткото име „{ $slug }“ е запазено за община или областна администрация; изберете друго.

## Accounts (a role is named by the catalogue's labels-role-…).
rules-username-taken = Потребителското име „{ $username }“ е заето.
rules-no-such-account = Няма такъв профил.
rules-display-name = Въведете име (до 120 знака).
rules-role-does-not-fit = Ролята „{ $role ->
    [officer] { labels-role-officer }
    [tenant-admin] { labels-role-tenant-admin }
    [regional] { labels-role-regional }
    [regional-admin] { labels-role-regional-admin }
    [auditor] { labels-role-auditor }
    [national] { labels-role-national }
    [national-admin] { labels-role-national-admin }
   *[other] { $role }
}“ не е за профили на този вид институция.
rules-same-role = Профилът вече има тази роля.
rules-disable-reason = Посочете причина за деактивирането (до 500 знака).
rules-already-disabled = Профилът вече е деактивиран.
rules-not-disabled = Профилът е активен.

## The signals register: intake, the case's steps, the tenant's lists and channel.
rules-signal-changed = Сигналът е променен междувременно от друг служител. Прегледайте промените и опитайте отново.
rules-signal-closed = Сигналът е приключен; по него не се вписват нови действия.
rules-signal-destroyed = Срокът за съхранение е изтекъл и личните данни по сигнала са унищожени.
rules-no-such-signal = Няма такъв сигнал в регистъра на институцията.
rules-date-in-future = Датата { $date } е в бъдещето.
rules-date-before-receipt = Датата { $date } е преди получаването ({ $earliest }).
rules-date-before-acknowledgment = Датата { $date } е преди потвърждаването ({ $earliest }).
rules-choice-no-list = Институцията не е определила списък за полето „{ rules-field }“: оставете го празно и опишете подробностите в описанието на сигнала.
rules-choice-from-list = Изберете полето „{ rules-field }“ от списъка на институцията. Ако нищо в него не подхожда, оставете полето празно и опишете подробностите в описанието на сигнала.
rules-list-entry-repeated = „{ $entry }“ се повтаря в списъка „{ rules-field }“.
rules-list-too-long = Списъкът „{ rules-field }“ е до { $max ->
    [one] { $max } запис
   *[other] { $max } записа
}.
rules-receipt-date-in-future = Датата на получаване { $date } е в бъдещето.
rules-oral-signal-confirmation = Устно подаденият сигнал се вписва, след като подателят потвърди записа (с подпис).
rules-file-empty = Файлът „{ $name }“ е празен.
rules-file-too-large = Файлът „{ $name }“ е по-голям от { $megabytes } MB.
rules-file-type = Файлът „{ $name }“ не е PDF, JPEG, PNG или текст. Приемаме само тези видове.
rules-signal-filed = Сигналът вече е вписан.
rules-already-acknowledged = Получаването вече е потвърдено на { $date }.
rules-not-an-officer = „{ $username }“ не е служител на институцията с достъп до регистъра.
rules-already-assigned = Сигналът вече е възложен на „{ $username }“.
rules-already-classified = Сигналът вече е класифициран така.
rules-acknowledge-first = Първо потвърдете получаването на сигнала.
rules-reporter-without-code = Подателят няма код за проследяване: свържете се с него по посочения от него начин.
rules-not-forwarded = Сигналът не е препращан: впишете първо препращането по компетентност.
rules-link-to-itself = Сигналът не може да се свърже сам със себе си.
rules-already-linked = Сигналите вече са свързани.
rules-classify-before-risks = Сигналът не е класифициран: класифицирайте го, преди да го свържете с рискове.
rules-risk-not-open = Някой от посочените рискове не е отворен риск от регистъра на институцията.
rules-risks-at-most = Свържете сигнала с най-много { $max ->
    [one] { $max } риск
   *[other] { $max } риска
}.
rules-risks-already-linked = Сигналът вече е свързан с тези рискове.
rules-population-or-staff = Посочете броя на жителите или на служителите.
