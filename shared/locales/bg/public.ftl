# Bulgarian: the public pages: home, council, meetings, contested acts, reporting corruption, public progress, the annual report.
# Every id starts with "public-"; shared/src/i18n.rs says how the catalogue works.

public-acts-count = { $count ->
    [one] { $count } акт
   *[other] { $count } акта
}

## Home page
public-home-title = Антикор
public-home-intro = Антикор е системата, в която { $served } водят и отчитат изпълнението на плана за превенция и противодействие на корупцията. Всяка промяна се записва като събитие в неизменяем, верижно хеширан дневник, така че всеки може да провери кой, какво и кога е променил.
public-home-health-heading = Състояние на дневника
public-home-status = Състояние
public-home-status-ok = Работи нормално
public-home-status-damaged = Само за четене: дневникът е повреден и не премина проверката
public-home-status-unknown = Неизвестно състояние
public-home-institutions = Институции
public-home-event-count = Събития в одитната следа
public-home-last-event = Последно събитие
public-home-no-event = няма
public-home-event-number = № { $position }
public-home-hash = хеш
public-home-server-version = Версия на сървъра: { $version }
public-home-damage-reason = Причина: { $reason }
public-home-damage-range = Липсват или са повредени събития № { $first }–{ $last }
public-home-damage-one = Липсва или е повредено събитие № { $first }
public-home-damage-last-good = { $missing }; последното проверено е № { $last_good }.
public-home-damage-none-good = { $missing }; нито едно събитие не премина проверката.
public-home-verify-heading = Проверка на дневника
public-home-verify-lead = След всеки запис сървърът подписва контролна точка на дневника: името му, броя на събитията и корена на тяхното Merkle дърво (RFC 6962). Който я запази, може по-късно да докаже, че записаното дотогава не е променено, изтрито или подменено.
public-home-checkpoint-heading = Текуща контролна точка
public-home-checkpoint-size = Брой събития в нея (вторият ред): { $count }
public-home-copy-checkpoint = Копирай контролната точка
public-home-copy-checkpoint-failed = Копирането не успя; маркирайте текста и го копирайте.
public-home-key-heading = Ключ за проверка
public-home-key = Ключ
public-home-fingerprint = Отпечатък
public-home-copy-key = Копирай ключа
public-home-copy-key-failed = Копирането не успя; маркирайте ключа и го копирайте.
public-home-links-heading = Към данните
public-home-card-plan = План за действие
public-home-card-plan-text = Мерките за годината с техните срокове, отговорници и индикатори.
public-home-card-progress = Изпълнение
public-home-card-progress-text = Докъде е стигнала всяка институция по всяка мярка.
public-home-card-meetings = Заседания
public-home-card-meetings-text = Публичните заседания и срещи с протоколите и решенията им.
public-home-card-contested-acts = Оспорени актове
public-home-card-contested-acts-text = Върнатите и оспорените решения на общинските съвети и заповеди на кметове.
public-home-card-council = Съвет и контакти
public-home-card-council-text = Секретариатът на съвета и експертите по противодействие на корупцията.
public-home-card-report-corruption = Подайте сигнал
public-home-card-report-corruption-text = Как да сигнализирате за корупция и какво ви гарантира законът.
public-home-card-survey = Анкета за служители
public-home-card-survey-text = Анонимната анкета за корупционния риск: отговаря се с еднократен код, без вход.
public-home-card-tenants = Институции
public-home-card-tenants-text = Областната администрация и общините, с броя на събитията им.
public-home-card-audit = Одитна следа
public-home-card-audit-text = Всички събития, най-новите първи, с филтри и обновяване на живо.

## Home page: how to check the log
public-verify-heading = Как да проверите
public-verify-save = Запазете контролната точка във файл (
public-verify-save-download = изтеглете я
public-verify-save-rest = или я копирайте), заедно с ключа за проверка.
public-verify-offline = По-късно, на машината с данните и при спрян сървър, изпълнете
public-verify-offline-rest = (DIR е папката с данни, FILE — запазената контролна точка, KEY — ключът или файл с него). Командата потвърждава, че дневникът продължава контролната точка, или посочва първото несъответствие.
public-verify-consistency = Без достъп до данните сравнете с по-нова контролна точка:
public-verify-consistency-rest = доказва, че дневникът с B събития продължава този с A събития (A и B са вторите редове на двете точки). Доказателството се проверява по RFC 6962 спрямо корените им.
public-verify-inclusion = Че дадено събитие е в дневника, доказва
public-verify-inclusion-rest = (P е номерът на събитието, S — броят събития в контролната точка). Нужен е вход в системата и достъп до събитието.

## Contested acts
public-acts-page-title = Оспорени актове
public-acts-heading = Регистър на оспорените актове
public-acts-lead = Решенията на общинските съвети и заповедите на кметовете, които областният управител е върнал за ново обсъждане или е оспорил пред административния съд (мярка I.3). Според чл. 45, ал. 4 от Закона за местното самоуправление и местната администрация върнатото решение се връща до 7 дни от получаването му, а общинският съвет го обсъжда отново до 14 дни.
public-acts-caption = Регистър на оспорените и върнатите актове, най-новите първи
public-acts-empty = Няма оспорени актове за избрания период.
public-acts-col-act = Акт
public-acts-col-municipality = Община
public-acts-col-received = Получен
public-acts-col-action = Действие
public-acts-col-grounds = Мотиви
public-acts-col-revote = Ново гласуване
public-acts-col-court-case = Съдебно дело
public-acts-col-published = Публикуван
public-acts-csv-kind = Вид акт
public-acts-csv-number = Номер
public-acts-csv-act-date = Дата на акта
public-acts-csv-action-date = Дата на действието
public-acts-csv-days = Дни след получаването
public-acts-csv-court-outcome = Изход от делото
public-acts-act-number = № { $number }
public-acts-act-date = от { $date }
public-acts-action-on = на { $date } ({ $days ->
    [one] { $days } ден
   *[other] { $days } дни
} след получаването)
public-acts-court-case = Дело № { $case }

## Meetings
public-meetings-page-title = Заседания
public-meetings-heading = Заседания и срещи
public-meetings-lead = Заседанията на съвета, откритите заседания с граждани, неправителствени организации и медии и срещите „отворени врати“, с дневния ред, взетите решения и протоколите (мерки II.1, II.2, IV.1 и V.3).
public-meetings-count = { $count ->
    [one] { $count } заседание или среща
   *[other] { $count } заседания и срещи
}
public-meetings-caption = Публични заседания и срещи, най-новите първи
public-meetings-empty = Няма публикувани заседания за избрания период.
public-meetings-col-date = Дата
public-meetings-col-institution = Институция
public-meetings-col-meeting = Заседание
public-meetings-col-participants = Участници
public-meetings-col-agenda = Дневен ред
public-meetings-col-decisions = Решения
public-meetings-col-protocol = Протокол
public-meetings-csv-kind = Вид
public-meetings-csv-title = Наименование
public-meetings-csv-organisations = Организации
public-meetings-csv-measures = Мерки
public-meetings-participants = { $count ->
    [one] { $count } участник
   *[other] { $count } участници
}

## Council and contacts
public-council-page-title = Съвет и контакти
public-council-heading = Областен обществен съвет за превенция и противодействие на корупцията
public-council-lead = Председател на съвета е областният управител. Секретариатът е в Областна администрация Благоевград; всяка община посочва експерти, отговорни за противодействието на корупцията (мярка II.3). Всяка институция поддържа своя списък сама.
public-council-report-link = Как да подадете сигнал за корупция
public-council-edit-link = Редактиране на контактите на вашата институция
public-council-secretariat-heading = Секретариат и състав
public-council-secretariat-caption = Секретариат на съвета — Областна администрация Благоевград
public-council-experts-heading = Експерти по противодействие на корупцията в общините
public-council-experts-caption = Експерти, отговорни за противодействието на корупцията, по институции
public-council-no-experts = Все още не са посочени експерти.
public-council-col-institution = Институция
public-council-col-name = Име
public-council-col-position = Длъжност
public-council-col-phone = Телефон
public-council-col-email = Електронна поща

## How to report corruption
public-report-title = Как да подадете сигнал за корупция
public-report-lead = Областният обществен съвет за превенция и противодействие на корупцията — Благоевград насърчава всеки, който е станал свидетел на корупция в държавна или общинска институция, да подаде сигнал. Така съветът научава къде е рискът и насочва мерките си натам.
public-report-council-heading = Съветът
public-report-council-text = Съветът обединява усилията на областната администрация, общините и териториалните звена на държавната власт в областта за превенция и противодействие на корупцията. Председател е областният управител; секретариатът е в Областна администрация Благоевград. Всяка година съветът приема план за действие, а изпълнението му се отчита публично:
public-report-council-plan = планът
public-report-council-progress = изпълнението
public-report-council-meetings = заседанията
public-report-council-and = и
public-report-council-members = съставът и контактите
public-report-channels-heading = Начини за подаване на сигнал
public-report-channel-email = По електронна поща
public-report-channel-email-text = до секретариата на съвета (адресите са по-долу) или до експерта на вашата община.
public-report-channel-phone = По телефона
public-report-channel-phone-text = устният сигнал се записва от служителя, а вие потвърждавате записа.
public-report-channel-post = По пощата
public-report-channel-post-text = с писмо до Областна администрация Благоевград, на вниманието на секретаря на съвета.
public-report-channel-in-person = Лично
public-report-channel-in-person-text = в Областна администрация Благоевград или в общинската администрация; служителят записва сигнала, а вие потвърждавате записа.
public-report-channel-online = Онлайн формуляр
public-report-channel-online-form = подайте сигнал
public-report-channel-online-text = до която и да е институция в областта, анонимно или с име. Ще получите номер и код, с които
public-report-channel-online-track = проследявате сигнала
public-report-channel-online-track-text = и четете отговорите, без да разкривате кои сте.
public-report-channel-online-statistics = Статистиката на сигналите
public-report-channel-online-statistics-text = е публична.
public-report-contacts-heading = Контакти на секретариата
public-report-no-contacts = Секретариатът все още не е публикувал свои телефони и адреси в системата. Дотогава можете да подадете сигнал лично или по пощата до Областна администрация Благоевград, както и чрез експертите на общините, посочени на страницата
public-report-no-contacts-link = „Съвет“
public-report-phone = Телефон:
public-report-email = Електронна поща:
public-report-experts = Експертите на всяка община са на страницата
public-report-experts-link = „Съвет и контакти“
public-report-protections-heading = Какво ви гарантира законът
public-report-protections-intro = Ако сигнализирате за нарушение по
public-report-protections-law = Закона за защита на лицата, подаващи сигнали или публично оповестяващи информация за нарушения
public-report-protections-law-note = (в сила от 04.05.2023 г., въвежда Директива (ЕС) 2019/1937):
public-report-protection-acknowledgment = получаването на сигнала се потвърждава в срок от 7 дни;
public-report-protection-feedback = в срок до 3 месеца от потвърждението получавате обратна информация за предприетите действия;
public-report-protection-uin = сигналът получава уникален идентификационен номер (УИН), издаван от Комисията за защита на личните данни;
public-report-protection-confidentiality = самоличността ви и тази на лицето, за което сигнализирате, се пазят в тайна; регистърът на сигналите не е публичен и до него имат достъп само определените служители;
public-report-protection-anonymous = анонимните сигнали и сигналите за нарушения отпреди повече от 2 години се регистрират, но по тях може да не бъде образувано производство.
public-report-protections-other = Другите сигнали за корупция се разглеждат по общия административен ред, а когато въпросът е извън правомощията на администрацията, се препращат по компетентност — на прокуратурата, на антикорупционната комисия или на друг компетентен орган.

## Progress
public-progress-title = Изпълнение на плана
public-progress-lead = Докъде е стигнала всяка институция по всяка мярка на плана на областта, според собствените ѝ отчети.
public-progress-as-of-today = Към днешна дата ({ $date }).
public-progress-report-link = Годишен отчет за печат
public-progress-by-institution = По институции
public-progress-by-section = По раздели на плана
public-progress-matrix-caption = Изпълнение на плана за { $year } г.: мерки (колони) по институции (редове); • — институция без нито един отчет
public-progress-measure-keys = Какво означават номерата на мерките
public-progress-tenants-caption = Изпълнение по институции, { $year } г.
public-progress-sections-caption = Изпълнение по раздели, всички институции, { $year } г.
public-progress-institution = Институция
public-progress-section = Раздел
public-progress-section-label = Раздел { $numeral }
public-progress-measures-by-level = Мерки по степен
public-progress-completed = Изпълнени
public-progress-percent-completed = % изпълн.
public-progress-overdue = Просрочени
public-progress-activities = Дейности
public-progress-csv-completed-percent = Изпълнени, %
public-progress-csv-title = Наименование
public-progress-not-reported-heading = Институции без отчет
public-progress-all-reported = Всички институции са отчели поне една мярка.
public-progress-not-reported = { $count } от { $of } институции все още { $count ->
    [one] няма
   *[other] нямат
} нито един отчет за { $year } г.:

## Annual report
public-annual-invalid-year = Адресът съдържа невалидна година.
public-annual-title = Годишен отчет
public-annual-title-year = Годишен отчет { $year }
public-annual-print = Печат
public-annual-docx = Изтегли за Word (DOCX)
public-annual-institution-select = Отчет на
public-annual-whole-region = Цялата област
public-annual-choose-region = Годишният отчет за { $year } г. е за плана на една област. Изберете област.
public-annual-state = Състояние към { $date } г., според отчетите на институциите ({ $reported } от { $total } са отчели поне една мярка).
public-annual-scope-detailed = Бележките и доказателствата на институциите, до които имате достъп, са включени.
public-annual-scope-public = Публичен вариант: степените на изпълнение, публичните заседания и оспорените актове. Бележките и доказателствата виждат служителите на институциите и областната администрация.
public-annual-contents = Съдържание
public-annual-part-measures = Изпълнение на мерките
public-annual-part-institutions = Обобщение по институции
public-annual-part-not-reported = Институции без отчет
public-annual-part-activities = Дейности
public-annual-part-signals = Сигнали за корупция
public-annual-part-risks = Корупционни рискове
public-annual-section-levels = Мерки в раздела по институции: изпълнени { $completed }, със съществен напредък { $substantial }, с ограничен напредък { $limited }, незапочнати { $not_started }, без отчет { $not_reported }.
public-annual-withdrawn = Оттеглена: { $reason }
public-annual-measure-levels = Изпълнение на мярка { $key } по институции
public-annual-institution = Институция
public-annual-level = Степен
public-annual-what-was-done = Какво е направено
public-annual-evidence = Доказателства
public-annual-no-activities = Няма записани през годината.
public-annual-prepared-by = Изготвил: ………………………………
public-annual-date = Дата: ………………………
