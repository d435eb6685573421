From: <alice@icloud.com>
To: <alice@mailo.com>
