# Bulgarian: the auditor's pages: the log, a record, comparisons, verification.
# Every id starts with "audit-"; shared/src/i18n.rs says how the catalogue works.

## Shared by the audit pages
audit-title = Одитна следа
audit-event-number = № { $position }
audit-institution = Институция
audit-choose-institution = Изберете институция

## Audit trail page
audit-lead = Всички записани промени, най-новите първи. Всяко събитие е свързано с предишното чрез хеш, така че промяна в миналото би нарушила веригата.
audit-compare-link-note = какво се е променило в записите на институция между две дати и часове.
audit-scope-notice = Имате достъп само до събитията на своята институция, затова са показани те.
audit-bundle-download = Изтегли целия дневник за проверка
audit-bundle-verify = Проверете файла без сървър с
audit-bundle-verify-legend = (FILE е изтегленият файл, KEY — ключът за проверка от началната страница).
audit-live-connecting = Свързване за обновяване на живо…
audit-live-open = Обновяване на живо: включено
audit-live-retrying = Връзката е прекъсната, възстановява се…
audit-live-closed = Обновяването на живо е спряно. Презаредете страницата.

## Audit trail page: the filters
audit-filters = Филтри
audit-filter-own-institution = Виждате само събитията на своята институция.
audit-filter-all-institutions = Всички институции
audit-filter-record = Запис
audit-filter-all-records = Всички записи
audit-filter-record-help-first = Първо изберете институция. Дейност или сигнал се избира от реда му в таблицата.
audit-filter-record-help = Дейност или сигнал се избира от реда му в таблицата.
audit-filter-type = Тип събитие
audit-filter-all-types = Всички типове
audit-filter-actor = Извършител
audit-filter-actor-placeholder = потребителско име или system
audit-filter-actor-help = Въведете и натиснете Enter.
audit-filter-from = От (часово време София)
audit-filter-to = До
audit-filter-clear = Изчисти филтрите
audit-moment-time = { $label }: час
audit-span-between = Събития от № { $from } до № { $to }.
audit-span-from = Събития от № { $from } нататък.
audit-span-to = Събития до № { $to }.
audit-span-inclusive = Включително: събитията в началния и в крайния момент.

## Audit trail page: the address
audit-address-invalid-tenant = Адресът съдържа невалиден код на институция.
audit-address-invalid-stream = Адресът съдържа невалиден поток.
audit-address-invalid-from = Адресът съдържа невалиден начален момент.
audit-address-invalid-to = Адресът съдържа невалиден краен момент.
audit-address-invalid-before = Адресът съдържа невалиден курсор „before“.
audit-address-invalid-after = Адресът съдържа невалиден курсор „after“.
audit-address-stream-without-tenant = Филтър по поток е възможен само заедно с институция.
audit-address-before-and-after = Адресът съдържа едновременно „before“ и „after“; изберете едното.

## Audit trail page: the events
audit-new-events = { $count ->
    [one] Има { $count } ново събитие.
   *[other] Има { $count } нови събития.
}
audit-to-newest = Към най-новите
audit-page-summary = { $count ->
    [one] Показано е { $count } събитие
   *[other] Показани са { $count } събития
}: от № { $from } до № { $to }. Последното събитие в дневника е № { $head }.
audit-search-stopped = Търсенето по извършител преглежда до 5 000 събития наведнъж и спря при № { $position }. Бутоните „← По-нови“ и „По-стари →“ продължават търсенето.
audit-table-caption = Събития в одитната следа, най-новите първи
audit-no-matching-events = Няма събития, които отговарят на избраните филтри.
audit-no-events = Няма събития.
audit-pages = Страници
audit-page-newest = Най-нови
audit-page-newer = ← По-нови
audit-page-older = По-стари →
audit-record-version = { $stream } · версия { $version }
audit-column-position = №
audit-column-time = Време
audit-column-institution = Институция
audit-column-summary = Какво се случи
audit-column-record = Запис
audit-column-stream = Поток
audit-column-version = Версия
audit-column-type = Тип
audit-column-actor = Извършител
audit-column-username = Потребител
audit-column-hash = Хеш

## Comparing two moments
audit-compare-title = Сравнение на два момента
audit-compare-breadcrumb = сравнение
audit-compare-lead = Какво се е променило в записите на една институция между два момента: кой запис, кое поле, какво е било и какво е станало, и с кои събития.
audit-compare-choose = Изберете институция и двата момента.
audit-compare-form = Какво да се сравни
audit-compare-from = Първи момент (часово време София)
audit-compare-to = Втори момент
audit-compare-after-event = след събитие № { $position }
audit-compare-summary = След събитие № { $from } и до № { $to } включително: { $count ->
    [one] { $count } запис
   *[other] { $count } записа
} с промени.
audit-compare-caption = Промени между двата момента
audit-compare-no-changes = Между двата момента няма промени в записите.
audit-compare-column-record = Запис
audit-compare-column-change = Промяна
audit-compare-column-field = Поле
audit-compare-column-before = Преди
audit-compare-column-after = След
audit-compare-column-events = Събития

## An event's page
audit-event-title = Събитие № { $position }
audit-event-breadcrumb = събитие № { $position }
audit-event-missing = Събитие № { $position } не съществува в одитната следа.
audit-event-neighbours = Съседни събития
audit-event-position = Позиция
audit-event-institution = Институция
audit-event-record = Запис
audit-event-stream = поток
audit-event-version = Версия
audit-event-id = Идентификатор
audit-event-type = Тип
audit-event-schema-version = Версия на схемата
audit-event-recorded-at = Записано на
audit-event-actor = Извършител
audit-event-correlation = Действие (correlation)
audit-event-causation = Предизвикано от (causation)
audit-event-hash = Хеш
audit-event-payload = Данните на събитието както са записани (JSON)

## An event's page: what it changed
audit-changes-none = Събитието не промени полета на записа.
audit-changes-caption = Променени полета
audit-changes-field = Поле
audit-changes-before = Преди
audit-changes-after = След
audit-changes-heading = Какво промени
audit-record-history = История на записа „{ $record }“
audit-version = Версия { $version }
audit-compare-around-event = Състоянието точно преди и точно след събитието

## An event's page: the check in the log
audit-inclusion-heading = Проверка в дневника
audit-inclusion-explained = Браузърът проверява сам, със същия код като сървъра и командата antikor, подписа на контролната точка, изчислява записа на събитието от показаните данни и проверява доказателството по RFC 6962, че той е в дневника.
audit-inclusion-checking = Проверява се…
audit-inclusion-failed = Проверката не премина.
audit-inclusion-retry = Провери отново
audit-inclusion-witnesses = Свидетели
audit-inclusion-witnesses-note = (съподписали контролната точка; подписите им тук не се проверяват)
audit-inclusion-size = Размер на дневника
audit-inclusion-root = Корен
audit-inclusion-leaf-hash = Хеш на записа
audit-inclusion-fingerprint-before = Ключът идва от същия сървър: сравнете отпечатъка
audit-inclusion-fingerprint-after = с този, който сте получили по друг път.
